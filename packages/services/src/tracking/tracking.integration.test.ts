import { queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import type { Clock } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { logComplaint } from '../casework/log-complaint';
import { printLetter } from '../letters/print-letter';
import { addCaseNote } from '../investigation/add-case-note';
import { withdrawComplaint } from '../investigation/withdraw-complaint';
import { acknowledge, acknowledgedComplaint, answeredComplaint, assign, caseworkSuite, closedComplaint, loggedComplaint, NORTH } from '../testing/casework-fixture';
import { createLocalDiskStorage } from '@complaints/storage';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTrackingServices, type TrackingSession } from './tracking-services';
import { forgetThisDevice } from '../shared-device/forget-this-device';
import { extractPdfText, printedTrackingCode } from '@complaints/documents/testing';

/** A clock the test can move on; each reading is a millisecond after the last. */
function movableClock(start: string): Clock & { advance(minutes: number): void } {
  let at = new Date(start).getTime();
  return { now: () => new Date((at += 1)), advance: (minutes) => (at += minutes * 60_000) };
}

const clock = movableClock('2026-11-24T11:00:00Z');
let addresses = 0;
/** A new client address for each attempt, so the per-address limits do not get in the way of what is being tested. */
const someAddress = () => `203.0.113.${(addresses += 1) % 250}`;

describeEachDatabase('following a complaint online', (database) => {
  const f = caseworkSuite(database, clock);
  const tracking = () => createTrackingServices(f.deps);
  const storage = () => createLocalDiskStorage(mkdtempSync(path.join(tmpdir(), 'tracking-files-')));

  async function referenceOf(id: string): Promise<string> {
    const [row] = await queryRows<{ reference: string }>(f.db, sql`select reference from complaints where id = ${id}`);
    return row!.reference;
  }

  /** The code in the newest code email to the complaint, read from the outbox as the worker would send it. */
  async function emailedCode(id: string): Promise<string> {
    const [row] = await queryRows<{ text: string }>(
      f.db,
      sql`select payload->>'text' as text from outbox where complaint_id = ${id} and template = 'tracking.code' order by created_at desc limit 1`,
    );
    return /\b(\d{6})\b/.exec(row!.text)![1]!;
  }

  async function openWithEmail(id: string): Promise<{ session: TrackingSession; token: string }> {
    const started = await tracking().start({ typed: await referenceOf(id), clientIp: someAddress() });
    if (started.outcome !== 'asked-for-code') throw new Error(started.outcome);
    const opened = await tracking().confirmCode({ token: started.token, typed: await emailedCode(id), clientIp: someAddress() });
    if (opened.outcome !== 'opened') throw new Error(opened.outcome);
    const session = await tracking().resume({ token: opened.sessionToken, requestId: 'test' });
    return { session: session!, token: opened.sessionToken };
  }

  async function challenge(typed: string) {
    const started = await tracking().start({ typed, clientIp: someAddress() });
    if (started.outcome !== 'asked-for-code') throw new Error(started.outcome);
    return started.token;
  }

  describe('the reference', () => {
    it('forgives case, spaces and hyphens, and points out a typo with the check character', async () => {
      const id = await acknowledgedComplaint(f);
      const reference = await referenceOf(id);
      const typed = ` ${reference.toLowerCase().replace(/-/g, ' ')} `;
      expect(await tracking().start({ typed, clientIp: someAddress() })).toMatchObject({ outcome: 'asked-for-code' });
      const last = reference.at(-1) === '0' ? '1' : '0';
      expect(await tracking().start({ typed: reference.slice(0, -1) + last, clientIp: someAddress() })).toEqual({ outcome: 'invalid', problem: 'reference.check' });
      expect(await tracking().start({ typed: '', clientIp: someAddress() })).toEqual({ outcome: 'invalid', problem: 'reference.empty' });
    });

    it('answers a reference no complaint has exactly as it answers one that exists', async () => {
      const id = await acknowledgedComplaint(f);
      const known = await referenceOf(id);
      // A well-formed reference nobody has: one character changed and the check character made right again.
      const unknown = await unknownReference();
      const a = await tracking().start({ typed: known, clientIp: someAddress() });
      const b = await tracking().start({ typed: unknown, clientIp: someAddress() });
      expect(Object.keys(a)).toEqual(Object.keys(b));
      expect(a.outcome).toBe('asked-for-code');
      expect(b.outcome).toBe('asked-for-code');
    });

    it('limits the codes sent for one reference, whoever asks, and the lookups from one address', async () => {
      const id = await acknowledgedComplaint(f);
      const reference = await referenceOf(id);
      const outcomes = [];
      for (let i = 0; i < 5; i += 1) outcomes.push((await tracking().start({ typed: reference, clientIp: someAddress() })).outcome);
      expect(outcomes).toEqual(['asked-for-code', 'asked-for-code', 'asked-for-code', 'asked-for-code', 'rate-limited']);
      const sent = await queryRows<{ n: number }>(f.db, sql`select count(*)::int as n from outbox where complaint_id = ${id} and template = 'tracking.code'`);
      expect(sent[0]!.n).toBe(4);
      const address = someAddress();
      const fromOne = [];
      for (let i = 0; i < 11; i += 1) fromOne.push((await tracking().start({ typed: await unknownReference(), clientIp: address })).outcome);
      expect(fromOne.at(-1)).toBe('rate-limited');
      clock.advance(61);
    });
  });

  describe('the code', () => {
    it('opens the complaint once with the emailed code; the code then fails, and the email keeps no copy once sent', async () => {
      const id = await acknowledgedComplaint(f);
      const token = await challenge(await referenceOf(id));
      const code = await emailedCode(id);
      const opened = await tracking().confirmCode({ token, typed: `${code.slice(0, 3)} ${code.slice(3)}`, clientIp: someAddress() });
      expect(opened.outcome).toBe('opened');
      expect(await tracking().confirmCode({ token, typed: code, clientIp: someAddress() })).toEqual({ outcome: 'spent' });
      const [stored] = await queryRows<{ hash: string }>(f.db, sql`select code_hash as hash from tracking_challenges where complaint_id = ${id} order by created_at desc limit 1`);
      expect(stored!.hash).not.toContain(code);
    });

    it('fails once expired', async () => {
      const id = await acknowledgedComplaint(f);
      const token = await challenge(await referenceOf(id));
      const code = await emailedCode(id);
      clock.advance(10);
      expect(await tracking().confirmCode({ token, typed: code, clientIp: someAddress() })).toEqual({ outcome: 'spent' });
    });

    it('takes four wrong tries and still opens with the right code on the fifth', async () => {
      const id = await acknowledgedComplaint(f);
      const token = await challenge(await referenceOf(id));
      const code = await emailedCode(id);
      const wrong = code === '000000' ? '111111' : '000000';
      const tries = [];
      for (let i = 0; i < 4; i += 1) tries.push(await tracking().confirmCode({ token, typed: wrong, clientIp: someAddress() }));
      expect(tries.map((t) => ('triesLeft' in t ? t.triesLeft : t.outcome))).toEqual([4, 3, 2, 1]);
      expect((await tracking().confirmCode({ token, typed: code, clientIp: someAddress() })).outcome).toBe('opened');
    });

    it('is spent by the fifth wrong try: the right code opens nothing after it', async () => {
      const id = await acknowledgedComplaint(f);
      const token = await challenge(await referenceOf(id));
      const code = await emailedCode(id);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 4; i += 1) await tracking().confirmCode({ token, typed: wrong, clientIp: someAddress() });
      expect(await tracking().confirmCode({ token, typed: wrong, clientIp: someAddress() })).toEqual({ outcome: 'spent' });
      expect(await tracking().confirmCode({ token, typed: code, clientIp: someAddress() })).toEqual({ outcome: 'spent' });
      const sessions = await queryRows<{ n: number }>(f.db, sql`select count(*)::int as n from tracking_sessions where complaint_id = ${id}`);
      expect(sessions[0]!.n).toBe(0);
    });

    it('gives a wrong code and a reference nobody has the same answer, in the same time', async () => {
      const id = await acknowledgedComplaint(f);
      const known = await referenceOf(id);
      const code = await emailedCodeAfter(known, id);
      const wrong = code === '000000' ? '111111' : '000000';
      const timings = { known: [] as number[], unknown: [] as number[], startKnown: [] as number[], startUnknown: [] as number[] };
      const answers = new Set<string>();
      // Interleaved, after a warm-up, with the clock moved on an hour each round so the per-reference limit never bites.
      for (let round = 0; round < 14; round += 1) {
        clock.advance(61);
        for (const which of ['known', 'unknown'] as const) {
          const typed = which === 'known' ? known : await unknownReference();
          let at = performance.now();
          const started = await tracking().start({ typed, clientIp: someAddress() });
          const startTook = performance.now() - at;
          if (started.outcome !== 'asked-for-code') throw new Error(started.outcome);
          at = performance.now();
          const answer = await tracking().confirmCode({ token: started.token, typed: wrong, clientIp: someAddress() });
          const took = performance.now() - at;
          answers.add(JSON.stringify(answer));
          if (round < 2) continue;
          timings[which].push(took);
          timings[which === 'known' ? 'startKnown' : 'startUnknown'].push(startTook);
        }
      }
      expect([...answers]).toEqual([JSON.stringify({ outcome: 'wrong', triesLeft: 4 })]);
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(15, 0.35 * Math.max(a, b));
      const measured = { code: [median(timings.known), median(timings.unknown)], reference: [median(timings.startKnown), median(timings.startUnknown)] };
      expect(close(measured.code[0]!, measured.code[1]!), JSON.stringify(measured)).toBe(true);
      expect(close(measured.reference[0]!, measured.reference[1]!), JSON.stringify(measured)).toBe(true);
    });

    it('opens a complaint by post with the tracking code printed on its letter, and not with an older one', async () => {
      const { id } = await logComplaint(f.deps, f.as(NORTH.admin), loggedComplaint(f.places, { preferredContact: 'post' }));
      await assign(f, id);
      const { letterId } = await acknowledge(f, id);
      const first = await printLetter(f.deps, f.as(NORTH.admin), id, letterId);
      const printedCode = async (bytes: Uint8Array) => printedTrackingCode((await extractPdfText(bytes)).text)!;
      const firstCode = await printedCode(first.bytes);
      const reprint = await printLetter(f.deps, f.as(NORTH.admin), id, letterId);
      const code = await printedCode(reprint.bytes);
      const reference = await referenceOf(id);
      expect((await tracking().confirmCode({ token: await challenge(reference), typed: firstCode, clientIp: someAddress() })).outcome).toBe('wrong');
      expect((await tracking().confirmCode({ token: await challenge(reference), typed: code.toLowerCase(), clientIp: someAddress() })).outcome).toBe('opened');
      // No email was ever written: there is nowhere to send one.
      expect(await queryRows(f.db, sql`select 1 from outbox where complaint_id = ${id} and template = 'tracking.code'`)).toHaveLength(0);
    });
  });

  describe('the session', () => {
    it('shows the complaint without its internal events, notes or staff other than the manager', async () => {
      const id = await acknowledgedComplaint(f);
      await addCaseNote({ ...f.deps, storage: storage() }, f.as(NORTH.manager), id, { kind: 'note', text: 'Spoke to the adviser; very private.' }, []);
      const { session } = await openWithEmail(id);
      const page = await tracking().view(session);
      expect(page.reference).toBe(await referenceOf(id));
      expect(page.manager).toMatchObject({ name: 'Sarah Wilson' });
      expect(page.timeline.map((e) => e.type)).not.toContain('note.added');
      const internal = await queryRows<{ type: string }>(f.db, sql`select type from complaint_events where complaint_id = ${id} and visibility = 'internal'`);
      expect(internal.length).toBeGreaterThan(0);
      for (const { type } of internal) expect(page.timeline.map((e) => e.type)).not.toContain(type);
      expect(JSON.stringify(page)).not.toContain('very private');
      expect(JSON.stringify(page)).not.toContain('Rachel Green');
      expect(page.points.every((p) => p.answer === null)).toBe(true);
      expect(page.moves).toEqual({ add_information: true, request_stage_two: false, withdraw: true, answer_survey: false });
    });

    it('cannot see or change another complaint by its ids', async () => {
      const mine = await acknowledgedComplaint(f);
      const theirs = await answeredComplaint(f);
      const { session } = await openWithEmail(mine);
      const [letter] = await queryRows<{ id: string }>(f.db, sql`select id from letters where complaint_id = ${theirs} and state = 'sent' limit 1`);
      await expect(tracking().viewLetter(session, letter!.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(tracking().downloadLetter(session, letter!.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(withdrawComplaint(f.deps, { complainant: { complaintId: mine }, requestId: 'test' }, theirs, {})).rejects.toMatchObject({ code: 'not_found' });
      const [row] = await queryRows<{ state: string }>(f.db, sql`select state from complaints where id = ${theirs}`);
      expect(row!.state).toBe('response_sent');
    });

    it('ends after thirty idle minutes, and at once when signed out', async () => {
      const id = await acknowledgedComplaint(f);
      const { token } = await openWithEmail(id);
      clock.advance(29);
      expect(await tracking().resume({ token, requestId: 'test' })).not.toBeNull();
      clock.advance(30);
      expect(await tracking().resume({ token, requestId: 'test' })).toBeNull();
      const again = await openWithEmail(id);
      await tracking().end(again.token);
      expect(await tracking().resume({ token: again.token, requestId: 'test' })).toBeNull();
    });

    it('ends on the server when the browser exits, whatever the browser keeps', async () => {
      const id = await acknowledgedComplaint(f);
      const { token } = await openWithEmail(id);
      await forgetThisDevice({ ...f.deps, storage: storage() }, { draftTokens: [], trackingToken: token });
      expect(await tracking().resume({ token, requestId: 'test' })).toBeNull();
    });
  });

  describe('moves from the tracking page', () => {
    it('adds information with a file once, however often the form is sent, and tells the manager without the words', async () => {
      const id = await acknowledgedComplaint(f);
      const { session } = await openWithEmail(id);
      const files = storage();
      const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      const request = { ...session, submissionKey: 'same-form' };
      const words = 'The school sent a letter on 2 December that I want you to see.';
      const [a, b] = await Promise.all([
        tracking().addInformation(request, { summary: words }, [{ name: 'school.pdf', bytes: pdf }], files),
        tracking().addInformation(request, { summary: words }, [{ name: 'school.pdf', bytes: pdf }], files),
      ]);
      expect(a).toEqual(b);
      const rows = await queryRows<{ n: number; files: number }>(
        f.db,
        sql`select count(*)::int as n, (select count(*)::int from attachments where complaint_id = ${id}) as files from correspondence where complaint_id = ${id} and adds_information`,
      );
      expect(rows[0]).toEqual({ n: 1, files: 1 });
      const [mail] = await queryRows<{ recipient: string; text: string }>(f.db, sql`select recipient, payload->>'text' as text from outbox where complaint_id = ${id} and template = 'tracking.information'`);
      expect(mail!.recipient).toBe('sarah.wilson@example.org');
      expect(mail!.text).not.toContain('school sent');
      const page = await tracking().view(session);
      expect(page.timeline.map((e) => e.type)).toContain('information.added');
    });

    it('refuses an empty addition and a file we do not take, saying which, and writes nothing', async () => {
      const id = await acknowledgedComplaint(f);
      const { session } = await openWithEmail(id);
      await expect(tracking().addInformation(session, { summary: ' ' }, [{ name: 'x.exe', bytes: new Uint8Array([0x4d, 0x5a, 0, 0]) }], storage())).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [{ field: 'summary', message: 'summary.required' }, { field: 'file', message: 'file.wrongType' }],
      });
      expect(await queryRows(f.db, sql`select 1 from correspondence where complaint_id = ${id}`)).toHaveLength(0);
    });

    it('asks for a review after the stage 1 answer, with no reason, and the stage 2 clock starts', async () => {
      const id = await answeredComplaint(f);
      const { session } = await openWithEmail(id);
      expect((await tracking().view(session)).points.every((p) => p.answer?.decision === 'not_upheld')).toBe(true);
      await tracking().askForReview({ ...session, submissionKey: 'k1' }, {});
      await tracking().askForReview({ ...session, submissionKey: 'k1' }, {});
      const [row] = await queryRows<{ stage: number; state: string; stages: number }>(
        f.db,
        sql`select stage, state, (select count(*)::int from complaint_stages where complaint_id = ${id}) as stages from complaints where id = ${id}`,
      );
      expect(row).toEqual({ stage: 2, state: 'received', stages: 2 });
      await expect(tracking().askForReview(session, {})).rejects.toMatchObject({ code: 'wrong_state' });
    });

    it('withdraws the complaint and tells the manager', async () => {
      const id = await acknowledgedComplaint(f);
      const { session } = await openWithEmail(id);
      await tracking().withdraw(session, { reason: 'We sorted it out.' });
      const page = await tracking().view(session);
      expect(page).toMatchObject({ state: 'withdrawn', progress: 'withdrawn', dueOn: null });
      expect(page.moves).toEqual({ add_information: false, request_stage_two: false, withdraw: false, answer_survey: false });
      expect(await queryRows(f.db, sql`select 1 from outbox where complaint_id = ${id} and template = 'tracking.withdrawn'`)).toHaveLength(1);
    });

    it('asks for the survey once after closure and takes the answers once', async () => {
      const id = await closedComplaint(f);
      expect(await queryRows(f.db, sql`select 1 from outbox where complaint_id = ${id} and template = 'tracking.survey'`)).toHaveLength(1);
      const { session } = await openWithEmail(id);
      expect((await tracking().view(session)).moves.answer_survey).toBe(true);
      await expect(tracking().answerSurvey(session, {})).rejects.toMatchObject({ code: 'invalid_input', problems: [{ field: 'easy_to_complain', message: 'survey.empty' }] });
      await tracking().answerSurvey(session, { kept_informed: '4', on_time: '2', comments: 'Slow, but kind.' });
      const [row] = await queryRows<{ answers: Record<string, unknown> }>(f.db, sql`select answers from survey_responses where complaint_id = ${id}`);
      expect(row!.answers).toEqual({ kept_informed: 4, on_time: 2, comments: 'Slow, but kind.' });
      await expect(tracking().answerSurvey(session, { kept_informed: '5' })).rejects.toMatchObject({ code: 'survey_answered' });
      const events = await queryRows<{ payload: unknown }>(f.db, sql`select payload from complaint_events where complaint_id = ${id} and type = 'survey.answered'`);
      expect(events).toEqual([{ payload: {} }]);
    });
  });

  /** A reference well formed and checked, that no complaint has. */
  async function unknownReference(): Promise<string> {
    const { generateReference } = await import('@complaints/domain');
    for (;;) {
      const reference = generateReference((n) => crypto.getRandomValues(new Uint8Array(n)));
      if ((await queryRows(f.db, sql`select 1 from complaints where reference = ${reference}`)).length === 0) return reference;
    }
  }

  /** Starts a challenge for a reference and reads the code the complaint was sent. */
  async function emailedCodeAfter(reference: string, id: string): Promise<string> {
    await challenge(reference);
    return emailedCode(id);
  }
});
