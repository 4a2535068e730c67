import { listWrittenRequests, queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import type { Clock } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { logComplaint } from '../casework/log-complaint';
import { viewComplaint } from '../casework/view-complaint';
import { sendLetter } from '../letters/send-letter';
import { submitLetter } from '../letters/submit-letter';
import { makeSimpleMove } from '../lifecycle/make-simple-move';
import { approveLetter } from '../quality-assurance/review-letter';
import { acknowledgedComplaint, type CaseworkPeople, caseworkSuite, DEMO_STAFF, loggedComplaint, NORTH, WALES } from '../testing/casework-fixture';
import { refusalCheck } from '../testing/nothing-written';
import { addInformation } from '../investigation/add-information';
import { extendTimescale } from './extend-timescale';
import { pauseClock } from './pause-clock';
import { viewExtension } from './view-extension';

/** A clock the test moves from day to day; each reading is a second after the last, so events keep their order. */
function movableClock(start: string): Clock & { set(at: string): void } {
  let at = new Date(start).getTime();
  return {
    now: () => new Date((at += 1000)),
    set: (instant) => {
      at = new Date(instant).getTime();
    },
  };
}

// Tuesday 24 November 2026, 11:00 in London.
const clock = movableClock('2026-11-24T11:00:00Z');

const { admin: ADMIN, csq: CSQ, manager: MANAGER } = NORTH;

const REASON = 'We are waiting for the notes of the meeting on 3 November from another team.';

describeEachDatabase('timescales', (database) => {
  const f = caseworkSuite(database, clock);
  const refusedWithNothingWritten = refusalCheck(f);

  async function dates(complaintId: string) {
    const [row] = await queryRows<{ response_due_on: string; original_response_due_on: string; extended: boolean; extension_reason: string | null; paused_working_days: number; current_due_on: string | null; paused: boolean }>(
      f.db,
      sql`select s.response_due_on::text, s.original_response_due_on::text, s.extended_at is not null as extended, s.extension_reason, s.paused_working_days,
                 c.current_due_on::text, c.paused_since is not null as paused
          from complaint_stages s join complaints c on c.id = s.complaint_id
          where s.complaint_id = ${complaintId} and s.stage = c.stage`,
    );
    return row!;
  }

  /** The newest letter or email the complaint has had from us, which a pause names as where we asked. */
  async function lastWritten(complaintId: string): Promise<string> {
    const [request] = await listWrittenRequests(f.db, complaintId);
    return request!.ref;
  }

  /** A complaint that came on Monday 23 November, passed to its manager and acknowledged: its response is due on Monday 14 December. */
  function acknowledgedOn24November(over: Parameters<typeof loggedComplaint>[1] = {}, people: CaseworkPeople = NORTH) {
    clock.set('2026-11-24T11:00:00Z');
    return acknowledgedComplaint(f, over, people);
  }

  describe('an extension', () => {
    let id: string;
    let letterId: string;

    it('moves the response date once, and writes the letter saying so as a draft for quality assurance', async () => {
      id = await acknowledgedOn24November();
      expect(await dates(id)).toMatchObject({ response_due_on: '2026-12-14', current_due_on: '2026-12-14' });
      const page = await viewExtension(f.deps, f.as(MANAGER), id);
      expect(page).toMatchObject({ dueOn: '2026-12-14', latestDueOn: '2026-12-30', maxWorkingDays: 10, blocked: null, extension: null });

      const result = await extendTimescale(f.deps, f.as(MANAGER), id, { newDueOn: '2026-12-22', reason: REASON });
      expect(result).toMatchObject({ previousDueOn: '2026-12-14', newDueOn: '2026-12-22' });
      letterId = result.letterId;
      expect(await dates(id)).toEqual({
        response_due_on: '2026-12-22',
        original_response_due_on: '2026-12-14',
        extended: true,
        extension_reason: REASON,
        paused_working_days: 0,
        current_due_on: '2026-12-22',
        paused: false,
      });

      const [letter] = await queryRows<{ kind: string; state: string; stage: number; html: string }>(f.db, sql`select kind, state, stage, html from letters where id = ${letterId}`);
      expect(letter).toMatchObject({ kind: 'extension', state: 'draft', stage: 1 });
      const text = letter!.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect(text).toContain('22 December 2026');
      expect(text).toContain('14 December 2026');
      expect(text).toContain(REASON);
      expect(text).toContain('Parliamentary and Health Service Ombudsman');
      expect(text).not.toContain('Public Services Ombudsman for Wales');

      const [event] = await queryRows<{ type: string; reason: string; payload: Record<string, unknown>; visibility: string }>(
        f.db,
        sql`select type, reason, payload, visibility from complaint_events where complaint_id = ${id} order by sequence desc limit 1`,
      );
      expect(event).toEqual({ type: 'timescale.extended', reason: REASON, payload: { previousDueOn: '2026-12-14', newDueOn: '2026-12-22', letterId }, visibility: 'public' });
    });

    it('sends the letter like every letter: for quality assurance, approved, then sent', async () => {
      await submitLetter(f.deps, f.as(MANAGER), id, letterId);
      await approveLetter(f.deps, f.as(CSQ), id, letterId, {});
      expect(await sendLetter(f.deps, f.as(ADMIN), id, letterId)).toMatchObject({ delivery: 'email' });
      const [row] = await queryRows<{ letter: string; complaint: string; mails: number }>(
        f.db,
        sql`select l.state as letter, c.state as complaint, (select count(*)::int from outbox where letter_id = ${letterId}) as mails from letters l join complaints c on c.id = l.complaint_id where l.id = ${letterId}`,
      );
      expect(row).toEqual({ letter: 'sent', complaint: 'acknowledged', mails: 1 });
    });

    it('is refused a second time at the same stage, on the page and by the move, writing nothing', async () => {
      await refusedWithNothingWritten(id, () => extendTimescale(f.deps, f.as(MANAGER), id, { newDueOn: '2026-12-23', reason: 'More time again.' }), { code: 'already_extended' });
      expect(await viewExtension(f.deps, f.as(MANAGER), id)).toMatchObject({ blocked: 'already_extended', extension: { reason: REASON } });
      const view = await viewComplaint(f.deps, f.as(MANAGER), id);
      expect(view.moves.complaint.find((m) => m.move === 'extend')).toEqual({ move: 'extend', ok: false, reason: 'already_extended' });
      expect(view.clock.stages).toEqual([expect.objectContaining({ stage: 1, originalResponseDueOn: '2026-12-14', responseDueOn: '2026-12-22', extensionReason: REASON, pausedWorkingDays: 0 })]);
    });

    it('refuses a date past the maximum, not after the due date, or missing, saying which, and writes nothing', async () => {
      const other = await acknowledgedOn24November();
      const refused = (newDueOn: string, reason: string, problem: { field: string; message: string }) =>
        refusedWithNothingWritten(other, () => extendTimescale(f.deps, f.as(MANAGER), other, { newDueOn, reason }), { code: 'invalid_input', problems: [problem] });
      // Ten working days past Monday 14 December, across Christmas and Boxing Day, is Wednesday 30 December.
      await refused('2026-12-31', REASON, { field: 'newDueOn', message: 'newDueOn.tooLong' });
      await refused('2026-12-14', REASON, { field: 'newDueOn', message: 'newDueOn.notLater' });
      await refused('missing', REASON, { field: 'newDueOn', message: 'newDueOn.required' });
      await refused('invalid', REASON, { field: 'newDueOn', message: 'newDueOn.invalid' });
      await refused('2026-12-22', '   ', { field: 'reason', message: 'reason.required' });
      await refusedWithNothingWritten(other, () => extendTimescale(f.deps, f.as(MANAGER), other, { newDueOn: 'missing', reason: '' }), {
        problems: [
          { field: 'newDueOn', message: 'newDueOn.required' },
          { field: 'reason', message: 'reason.required' },
        ],
      });
      expect(await extendTimescale(f.deps, f.as(MANAGER), other, { newDueOn: '2026-12-30', reason: REASON })).toMatchObject({ newDueOn: '2026-12-30' });
    });

    it('cannot be made before the acknowledgement, nor by someone who does not work on the complaint', async () => {
      clock.set('2026-11-24T11:00:00Z');
      const { id: logged } = await logComplaint(f.deps, f.as(ADMIN), loggedComplaint(f.places, { channel: 'email' }));
      await refusedWithNothingWritten(logged, () => extendTimescale(f.deps, f.as(ADMIN), logged, { newDueOn: '2026-12-22', reason: REASON }), { code: 'wrong_state' });
      const other = await acknowledgedOn24November();
      await refusedWithNothingWritten(other, () => extendTimescale(f.deps, f.as(DEMO_STAFF.reviewer), other, { newDueOn: '2026-12-22', reason: REASON }), { code: 'not_found' });
    });

    it('names the Public Services Ombudsman for Wales in the letter for a service in Wales', async () => {
      const welsh = await acknowledgedOn24November({ serviceArea: 'WAL', team: 'WAL-CARDIFF' }, WALES);
      const { letterId: letter } = await extendTimescale(f.deps, f.as(WALES.manager), welsh, { newDueOn: '2026-12-21', reason: REASON });
      const [row] = await queryRows<{ html: string; state: string }>(f.db, sql`select html, state from letters where id = ${letter}`);
      expect(row!.state).toBe('draft');
      expect(row!.html).toContain('Public Services Ombudsman for Wales');
      expect(row!.html).not.toContain('Parliamentary and Health Service Ombudsman');
      expect(row!.html).toContain('21 December 2026');
    });
  });

  describe('the clock paused while we wait on the complainant', () => {
    let id: string;

    it('stops with what we asked for and the letter that asked, and holds back an extension while it stands', async () => {
      id = await acknowledgedOn24November();
      clock.set('2026-11-26T10:00:00Z'); // Thursday
      const askedIn = await lastWritten(id);
      expect(askedIn).toMatch(/^letter:/);
      await pauseClock(f.deps, f.as(ADMIN), id, { askedIn, reason: 'The dates of the meetings they say were missed.' });
      expect(await dates(id)).toMatchObject({ paused: true, response_due_on: '2026-12-14', current_due_on: '2026-12-14' });
      const [event] = await queryRows<{ type: string; reason: string; payload: unknown }>(f.db, sql`select type, reason, payload from complaint_events where complaint_id = ${id} order by sequence desc limit 1`);
      expect(event).toEqual({ type: 'clock.paused', reason: 'The dates of the meetings they say were missed.', payload: { pausedOn: '2026-11-26', askedIn } });

      await refusedWithNothingWritten(id, () => pauseClock(f.deps, f.as(ADMIN), id, { askedIn, reason: 'Again.' }), { code: 'clock_paused' });
      await refusedWithNothingWritten(id, () => extendTimescale(f.deps, f.as(MANAGER), id, { newDueOn: '2026-12-22', reason: REASON }), { code: 'clock_paused' });
      const view = await viewComplaint(f.deps, f.as(ADMIN), id);
      expect(view.summary.pausedSince).not.toBeNull();
      expect(view.clock.pauseReason).toBe('The dates of the meetings they say were missed.');
      expect(view.moves.complaint.find((m) => m.move === 'resume_clock')).toEqual({ move: 'resume_clock', ok: true });
      expect(view.moves.complaint.find((m) => m.move === 'extend')).toEqual({ move: 'extend', ok: false, reason: 'clock_paused' });
    });

    it('needs to know what we asked for, and a letter or email of this complaint that asked', async () => {
      const other = await acknowledgedOn24November();
      await refusedWithNothingWritten(other, () => pauseClock(f.deps, f.as(ADMIN), other, { reason: ' ' }), {
        code: 'invalid_input',
        problems: [
          { field: 'askedIn', message: 'askedIn.required' },
          { field: 'reason', message: 'reason.required' },
        ],
      });
      // Another complaint's letter is not this one's request.
      await refusedWithNothingWritten(other, () => pauseClock(f.deps, f.as(ADMIN), other, { askedIn: `letter:${crypto.randomUUID()}`, reason: 'Their dates.' }), {
        code: 'invalid_input',
        problems: [{ field: 'askedIn', message: 'askedIn.unknown' }],
      });
    });

    it('starts again, moving the due date on by the working days it stood still, not the weekend', async () => {
      clock.set('2026-12-01T09:30:00Z'); // the Tuesday after: Friday, Monday and Tuesday passed
      await makeSimpleMove(f.deps, f.as(ADMIN), id, 'resume_clock');
      expect(await dates(id)).toMatchObject({ paused: false, response_due_on: '2026-12-17', original_response_due_on: '2026-12-14', paused_working_days: 3, current_due_on: '2026-12-17' });
      const [event] = await queryRows<{ type: string; payload: unknown }>(f.db, sql`select type, payload from complaint_events where complaint_id = ${id} order by sequence desc limit 1`);
      expect(event).toEqual({ type: 'clock.resumed', payload: { resumedOn: '2026-12-01', pausedWorkingDays: 3, previousDueOn: '2026-12-14', newDueOn: '2026-12-17' } });
      await refusedWithNothingWritten(id, () => makeSimpleMove(f.deps, f.as(ADMIN), id, 'resume_clock'), { code: 'clock_not_paused' });
    });

    it('adds up the days of each pause, and a pause over a weekend alone costs nothing', async () => {
      clock.set('2026-12-04T15:00:00Z'); // Friday
      await pauseClock(f.deps, f.as(MANAGER), id, { askedIn: await lastWritten(id), reason: 'A copy of the letter they mention.' });
      clock.set('2026-12-06T12:00:00Z'); // Sunday
      await makeSimpleMove(f.deps, f.as(MANAGER), id, 'resume_clock');
      expect(await dates(id)).toMatchObject({ response_due_on: '2026-12-17', paused_working_days: 3 });

      clock.set('2026-12-07T09:00:00Z'); // Monday
      await pauseClock(f.deps, f.as(MANAGER), id, { askedIn: await lastWritten(id), reason: 'The name of the school.' });
      clock.set('2026-12-08T16:00:00Z'); // Tuesday
      await makeSimpleMove(f.deps, f.as(MANAGER), id, 'resume_clock');
      expect(await dates(id)).toMatchObject({ response_due_on: '2026-12-18', paused_working_days: 4, current_due_on: '2026-12-18' });
    });

    it('starts again by itself when what we asked for arrives, whoever records it, with the information first in the history', async () => {
      for (const request of [(complaintId: string) => f.as(ADMIN), (complaintId: string) => ({ complainant: { complaintId }, requestId: 'test' })]) {
        const paused = await acknowledgedOn24November();
        clock.set('2026-11-26T10:00:00Z'); // Thursday
        await pauseClock(f.deps, f.as(ADMIN), paused, { askedIn: await lastWritten(paused), reason: 'The dates of the meetings they say were missed.' });
        clock.set('2026-12-01T09:30:00Z'); // the Tuesday after
        const { correspondenceId } = await addInformation(f.deps, request(paused), paused, { method: 'email', occurredOn: '2026-12-01', summary: 'The meetings were on 2 and 9 November.', points: [] });
        expect(await dates(paused)).toMatchObject({ paused: false, response_due_on: '2026-12-17', paused_working_days: 3, current_due_on: '2026-12-17' });
        const events = await queryRows<{ type: string; payload: Record<string, unknown> }>(f.db, sql`select type, payload from complaint_events where complaint_id = ${paused} order by sequence desc limit 2`);
        expect(events.map((e) => e.type)).toEqual(['clock.resumed', 'information.added']);
        expect(events[0]!.payload).toMatchObject({ correspondenceId, pausedWorkingDays: 3, newDueOn: '2026-12-17' });
      }
    });

    it('is not started by information that arrives while it runs', async () => {
      const running = await acknowledgedOn24November();
      await addInformation(f.deps, f.as(ADMIN), running, { method: 'letter', occurredOn: '2026-11-24', summary: 'A copy of the letter they mention.', points: [] });
      const [event] = await queryRows<{ type: string }>(f.db, sql`select type from complaint_events where complaint_id = ${running} order by sequence desc limit 1`);
      expect(event!.type).toBe('information.added');
    });

    it('leaves the extension its full length after the pauses', async () => {
      // Ten working days from Friday 18 December, past Christmas, Boxing Day and New Year's Day.
      expect(await viewExtension(f.deps, f.as(MANAGER), id)).toMatchObject({ dueOn: '2026-12-18', latestDueOn: '2027-01-06', blocked: null });
      expect(await extendTimescale(f.deps, f.as(MANAGER), id, { newDueOn: '2027-01-06', reason: REASON })).toMatchObject({ previousDueOn: '2026-12-18', newDueOn: '2027-01-06' });
      expect(await dates(id)).toMatchObject({ response_due_on: '2027-01-06', original_response_due_on: '2026-12-14', paused_working_days: 4, current_due_on: '2027-01-06' });
    });
  });
});
