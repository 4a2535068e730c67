import { queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { steppingClock } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { logComplaint } from '../casework/log-complaint';
import { recordTriage } from '../casework/record-triage';
import { viewComplaint } from '../casework/view-complaint';
import { answerPoint } from '../investigation/answer-point';
import { startInvestigation } from '../investigation/start-investigation';
import { draftResponse } from '../letters/draft-response';
import { sendLetter } from '../letters/send-letter';
import { submitLetter } from '../letters/submit-letter';
import { approveLetter } from '../quality-assurance/review-letter';
import { answeredComplaint as answered, type CaseworkPeople, caseworkSuite, loggedComplaint, NORTH, WALES } from '../testing/casework-fixture';
import { recordOmbudsmanOutcome } from './record-ombudsman-outcome';
import { referToOmbudsman } from './refer-to-ombudsman';
import { viewOmbudsmanOutcome, viewOmbudsmanReferral } from './view-ombudsman';

// From Tuesday 24 November 2026, 11:00 in London, a second on at each reading.
const clock = steppingClock('2026-11-24T11:00:00Z');

describeEachDatabase('the Ombudsman', (database) => {
  const f = caseworkSuite(database, clock);

  async function state(complaintId: string) {
    const [row] = await queryRows<{ state: string; closed: boolean; events: number }>(
      f.db,
      sql`select state, closed_at is not null as closed, (select count(*)::int from complaint_events where complaint_id = ${complaintId}) as events from complaints where id = ${complaintId}`,
    );
    return row!;
  }

  async function referrals(complaintId: string) {
    return queryRows<{ ombudsman: string; referred_on: string; their_reference: string; reply_due_on: string | null; finding: string | null; finding_on: string | null; recommendations: string | null }>(
      f.db,
      sql`select ombudsman, referred_on::text, their_reference, reply_due_on::text, finding, finding_on::text, recommendations from ombudsman_referrals where complaint_id = ${complaintId}`,
    );
  }

  /** A complaint that came on Monday 23 November, answered point by point, approved and sent. */
  const answeredComplaint = (people: CaseworkPeople, over: Parameters<typeof loggedComplaint>[1] = {}) => answered(f, people, over);

  describe('a complaint about a service in England', () => {
    let id: string;

    it('goes to the Parliamentary and Health Service Ombudsman, shown and not chosen', async () => {
      id = await answeredComplaint(NORTH);
      expect(await state(id)).toMatchObject({ state: 'response_sent' });
      expect(await viewOmbudsmanReferral(f.deps, f.as(NORTH.admin), id)).toMatchObject({ ombudsman: 'phso', today: '2026-11-24' });
    });

    it('refuses a referral with a day that cannot be right or no reference, saying which, and writes nothing', async () => {
      const before = await state(id);
      const refused = (input: Record<string, string | undefined>, problem: { field: string; message: string }) =>
        expect(referToOmbudsman(f.deps, f.as(NORTH.admin), id, { referredOn: '2026-11-24', theirReference: 'PHSO-0001', replyDueOn: '2026-12-22', ...input })).rejects.toMatchObject({
          code: 'invalid_input',
          problems: [problem],
        });
      await refused({ referredOn: '2026-11-25' }, { field: 'referredOn', message: 'referredOn.inFuture' });
      await refused({ referredOn: '2026-11-20' }, { field: 'referredOn', message: 'referredOn.tooEarly' });
      await refused({ referredOn: 'missing' }, { field: 'referredOn', message: 'referredOn.required' });
      await refused({ theirReference: '' }, { field: 'theirReference', message: 'theirReference.required' });
      // The day the Ombudsman wants our reply by: required, a real date, not before the referral.
      await refused({ replyDueOn: undefined }, { field: 'replyDueOn', message: 'replyDueOn.required' });
      await refused({ replyDueOn: 'missing' }, { field: 'replyDueOn', message: 'replyDueOn.required' });
      await refused({ replyDueOn: '2026-02-30' }, { field: 'replyDueOn', message: 'replyDueOn.invalid' });
      await refused({ replyDueOn: '2026-11-23' }, { field: 'replyDueOn', message: 'replyDueOn.beforeReferral' });
      await refused({ referredOn: '2026-11-24', replyDueOn: '2026-11-20' }, { field: 'replyDueOn', message: 'replyDueOn.beforeReferral' });
      expect(await state(id)).toEqual(before);
      expect(await referrals(id)).toEqual([]);
    });

    it('is recorded with the day, their reference and when they want our reply, and the complaint is with the Ombudsman', async () => {
      // The reply may be due the very day of the referral.
      await expect(referToOmbudsman(f.deps, f.as(NORTH.admin), id, { referredOn: '2026-11-24', theirReference: 'PHSO-0001', replyDueOn: 'nonsense' })).rejects.toMatchObject({ code: 'invalid_input' });
      const result = await referToOmbudsman(f.deps, f.as(NORTH.admin), id, { referredOn: '2026-11-24', theirReference: 'PHSO-0001', replyDueOn: '2026-12-22' });
      expect(result).toMatchObject({ ombudsman: 'phso', referredOn: '2026-11-24', replyDueOn: '2026-12-22' });
      expect(await state(id)).toMatchObject({ state: 'with_ombudsman', closed: false });
      expect(await referrals(id)).toEqual([
        { ombudsman: 'phso', referred_on: '2026-11-24', their_reference: 'PHSO-0001', reply_due_on: '2026-12-22', finding: null, finding_on: null, recommendations: null },
      ]);
      const [event] = await queryRows<{ type: string; payload: unknown; visibility: string }>(f.db, sql`select type, payload, visibility from complaint_events where complaint_id = ${id} order by sequence desc limit 1`);
      expect(event).toEqual({ type: 'ombudsman.referred', payload: { referralId: result.referralId, ombudsman: 'phso', referredOn: '2026-11-24', replyDueOn: '2026-12-22' }, visibility: 'public' });
      const page = await viewComplaint(f.deps, f.as(NORTH.admin), id);
      expect(page.ombudsmanReferrals).toEqual([expect.objectContaining({ ombudsman: 'phso', referredOn: '2026-11-24', theirReference: 'PHSO-0001', replyDueOn: '2026-12-22', finding: null })]);
      expect(page.moves.complaint.map((m) => m.move)).not.toContain('refer_to_ombudsman');
    });

    it('has its outcome recorded by a CSQ manager, not an administrator, with the day after the referral', async () => {
      await expect(viewOmbudsmanOutcome(f.deps, f.as(NORTH.admin), id)).rejects.toMatchObject({ code: 'not_allowed' });
      expect(await viewOmbudsmanOutcome(f.deps, f.as(NORTH.csq), id)).toMatchObject({ referral: { ombudsman: 'phso', theirReference: 'PHSO-0001' } });
      const outcome = { finding: 'partly_upheld', findingOn: '2026-11-24', recommendations: 'Apologise, and check the team’s messages daily.' };
      await expect(recordOmbudsmanOutcome(f.deps, f.as(NORTH.admin), id, outcome)).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(recordOmbudsmanOutcome(f.deps, f.as(NORTH.csq), id, { ...outcome, findingOn: '2026-11-23' })).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [{ field: 'findingOn', message: 'findingOn.tooEarly' }],
      });
      await expect(recordOmbudsmanOutcome(f.deps, f.as(NORTH.csq), id, { ...outcome, finding: 'dismissed' })).rejects.toMatchObject({
        problems: [{ field: 'finding', message: 'finding.required' }],
      });
      expect(await state(id)).toMatchObject({ state: 'with_ombudsman' });
    });

    it('closes the complaint with the finding, its day and the recommendations kept', async () => {
      const result = await recordOmbudsmanOutcome(f.deps, f.as(NORTH.csq), id, { finding: 'partly_upheld', findingOn: '2026-11-24', recommendations: 'Apologise, and check the team’s messages daily.' });
      expect(await state(id)).toMatchObject({ state: 'closed', closed: true });
      expect(await referrals(id)).toEqual([
        { ombudsman: 'phso', referred_on: '2026-11-24', their_reference: 'PHSO-0001', reply_due_on: '2026-12-22', finding: 'partly_upheld', finding_on: '2026-11-24', recommendations: 'Apologise, and check the team’s messages daily.' },
      ]);
      const [event] = await queryRows<{ type: string; payload: unknown }>(f.db, sql`select type, payload from complaint_events where complaint_id = ${id} order by sequence desc limit 1`);
      expect(event).toEqual({ type: 'ombudsman.outcome_recorded', payload: { referralId: result.referralId, finding: 'partly_upheld', findingOn: '2026-11-24' } });
      const page = await viewComplaint(f.deps, f.as(NORTH.csq), id);
      expect(page.ombudsmanReferrals[0]).toMatchObject({ finding: 'partly_upheld', findingOn: '2026-11-24' });
      await expect(recordOmbudsmanOutcome(f.deps, f.as(NORTH.csq), id, { finding: 'upheld', findingOn: '2026-11-24' })).rejects.toMatchObject({ code: 'wrong_state' });
    });
  });

  describe('a complaint about a service in Wales', () => {
    it('goes to the Public Services Ombudsman for Wales', async () => {
      const id = await answeredComplaint(WALES, { serviceArea: 'WAL', team: 'WAL-CARDIFF' });
      expect(await viewOmbudsmanReferral(f.deps, f.as(WALES.admin), id)).toMatchObject({ ombudsman: 'psow' });
      expect(await referToOmbudsman(f.deps, f.as(WALES.admin), id, { referredOn: '2026-11-24', theirReference: '202612345', replyDueOn: '2026-11-24' })).toMatchObject({ ombudsman: 'psow' });
      expect(await referrals(id)).toEqual([expect.objectContaining({ ombudsman: 'psow', their_reference: '202612345' })]);
      expect(await state(id)).toMatchObject({ state: 'with_ombudsman' });
    });
  });

  it('is not for a complaint that has not been answered yet', async () => {
    const { id } = await logComplaint(f.deps, f.as(NORTH.admin), loggedComplaint(f.places, { channel: 'email' }));
    await expect(referToOmbudsman(f.deps, f.as(NORTH.admin), id, { referredOn: '2026-11-24', theirReference: 'PHSO-0002', replyDueOn: '2026-12-22' })).rejects.toMatchObject({ code: 'wrong_state' });
    expect(await referrals(id)).toEqual([]);
  });
});
