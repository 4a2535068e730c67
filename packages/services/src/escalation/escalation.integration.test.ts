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
import { completeOmbudsmanRecommendation } from './complete-ombudsman-recommendation';
import { recordOmbudsmanEnquiry } from './record-ombudsman-enquiry';
import { recordOmbudsmanOutcome } from './record-ombudsman-outcome';
import { replyToOmbudsman } from './reply-to-ombudsman';
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
      sql`select ombudsman, referred_on::text, their_reference,
                 (select min(e.due_on)::text from ombudsman_enquiries e where e.referral_id = r.id) as reply_due_on,
                 finding, finding_on::text, recommendations
          from ombudsman_referrals r where complaint_id = ${complaintId}`,
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
      expect(event).toEqual({ type: 'ombudsman.referred', payload: { referralId: result.referralId, ombudsman: 'phso', referredOn: '2026-11-24', replyDueOn: '2026-12-22', enquiryId: result.enquiryId }, visibility: 'public' });
      const page = await viewComplaint(f.deps, f.as(NORTH.admin), id);
      expect(page.ombudsmanReferrals).toEqual([expect.objectContaining({ ombudsman: 'phso', referredOn: '2026-11-24', theirReference: 'PHSO-0001', finding: null })]);
      // Its first enquiry counts down, green while more than the reminder window away; the complaint is due that day.
      expect(page.ombudsmanReferrals[0]!.enquiries).toEqual([expect.objectContaining({ id: result.enquiryId, receivedOn: '2026-11-24', dueOn: '2026-12-22', repliedOn: null, rag: 'green' })]);
      expect(page.summary.currentDueOn).toBe('2026-12-22');
      expect(page.moves.complaint.map((m) => m.move)).not.toContain('refer_to_ombudsman');
    });

    it('has its outcome recorded by a CSQ manager, not an administrator, with the day after the referral', async () => {
      await expect(viewOmbudsmanOutcome(f.deps, f.as(NORTH.admin), id)).rejects.toMatchObject({ code: 'not_allowed' });
      expect(await viewOmbudsmanOutcome(f.deps, f.as(NORTH.csq), id)).toMatchObject({ referral: { ombudsman: 'phso', theirReference: 'PHSO-0001' } });
      const outcome = { finding: 'partly_upheld', findingOn: '2026-11-24', summary: 'Apologise, and check the team’s messages daily.' };
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
      const result = await recordOmbudsmanOutcome(f.deps, f.as(NORTH.csq), id, { finding: 'partly_upheld', findingOn: '2026-11-24', summary: 'Apologise, and check the team’s messages daily.' });
      expect(await state(id)).toMatchObject({ state: 'closed', closed: true });
      expect(await referrals(id)).toEqual([
        { ombudsman: 'phso', referred_on: '2026-11-24', their_reference: 'PHSO-0001', reply_due_on: '2026-12-22', finding: 'partly_upheld', finding_on: '2026-11-24', recommendations: 'Apologise, and check the team’s messages daily.' },
      ]);
      const [event] = await queryRows<{ type: string; payload: unknown }>(f.db, sql`select type, payload from complaint_events where complaint_id = ${id} order by sequence desc limit 1`);
      expect(event).toEqual({ type: 'ombudsman.outcome_recorded', payload: { referralId: result.referralId, finding: 'partly_upheld', findingOn: '2026-11-24', recommendations: 0 } });
      const page = await viewComplaint(f.deps, f.as(NORTH.csq), id);
      expect(page.ombudsmanReferrals[0]).toMatchObject({ finding: 'partly_upheld', findingOn: '2026-11-24' });
      await expect(recordOmbudsmanOutcome(f.deps, f.as(NORTH.csq), id, { finding: 'upheld', findingOn: '2026-11-24' })).rejects.toMatchObject({ code: 'wrong_state' });
    });
  });

  describe('enquiries, replies and recommendations', () => {
    let id: string;
    let first: string;
    async function history(complaintId: string) {
      return queryRows<{ type: string; payload: Record<string, unknown> }>(f.db, sql`select type, payload from complaint_events where complaint_id = ${complaintId} order by sequence`);
    }
    const due = async (complaintId: string) => (await queryRows<{ due: string | null }>(f.db, sql`select current_due_on::text as due from complaints where id = ${complaintId}`))[0]!.due;

    it('takes several enquiries, each with its deadline; the complaint is due on the earliest still owed', async () => {
      id = await answeredComplaint(NORTH);
      ({ enquiryId: first } = await referToOmbudsman(f.deps, f.as(NORTH.admin), id, { referredOn: '2026-11-24', theirReference: 'PHSO-0100', replyDueOn: '2026-12-22', enquiry: 'The case file.' }));
      await expect(recordOmbudsmanEnquiry(f.deps, f.as(NORTH.admin), id, { receivedOn: '2026-11-24', dueOn: '2026-11-23' })).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [{ field: 'dueOn', message: 'dueOn.beforeReceived' }],
      });
      await expect(recordOmbudsmanEnquiry(f.deps, f.as(NORTH.admin), id, { receivedOn: '2026-11-25', dueOn: '2026-12-01' })).rejects.toMatchObject({
        problems: [{ field: 'receivedOn', message: 'receivedOn.inFuture' }],
      });
      // A responding manager does not deal with the Ombudsman.
      await expect(recordOmbudsmanEnquiry(f.deps, f.as(NORTH.manager), id, { receivedOn: '2026-11-24', dueOn: '2026-12-01' })).rejects.toMatchObject({ code: 'not_allowed' });
      const second = await recordOmbudsmanEnquiry(f.deps, f.as(NORTH.admin), id, { receivedOn: '2026-11-24', dueOn: '2026-11-26', summary: 'The notes of the home visit.' });
      expect(await due(id)).toBe('2026-11-26');
      const page = await viewComplaint(f.deps, f.as(NORTH.admin), id);
      // Due in two working days, within the reminder window: amber, as on the queues.
      expect(page.rag).toBe('amber');
      expect(page.ombudsmanReferrals[0]!.enquiries.map((e) => [e.dueOn, e.rag])).toEqual([
        ['2026-11-26', 'amber'],
        ['2026-12-22', 'green'],
      ]);
      expect(second.dueOn).toBe('2026-11-26');
    });

    it('records each reply, when and what was sent, on time or late, and moves the due date on', async () => {
      const [soonest] = (await viewComplaint(f.deps, f.as(NORTH.admin), id)).ombudsmanReferrals[0]!.enquiries;
      await expect(replyToOmbudsman(f.deps, f.as(NORTH.admin), id, { enquiryId: soonest!.id, sentOn: '2026-11-24', reply: ' ' })).rejects.toMatchObject({
        problems: [{ field: 'reply', message: 'reply.required' }],
      });
      await expect(replyToOmbudsman(f.deps, f.as(NORTH.admin), id, { enquiryId: '00000000-0000-4000-8000-000000000000', sentOn: '2026-11-24', reply: 'x' })).rejects.toMatchObject({ code: 'not_found' });
      const reply = await replyToOmbudsman(f.deps, f.as(NORTH.admin), id, { enquiryId: soonest!.id, sentOn: '2026-11-24', reply: 'The visit notes of 2 and 9 October.' });
      expect(reply).toMatchObject({ onTime: true, sentOn: '2026-11-24' });
      expect(await due(id)).toBe('2026-12-22');
      await expect(replyToOmbudsman(f.deps, f.as(NORTH.admin), id, { enquiryId: soonest!.id, sentOn: '2026-11-24', reply: 'Again.' })).rejects.toMatchObject({ code: 'wrong_state' });
      const [enquiry] = (await viewComplaint(f.deps, f.as(NORTH.admin), id)).ombudsmanReferrals[0]!.enquiries;
      expect(enquiry).toMatchObject({ repliedOn: '2026-11-24', reply: 'The visit notes of 2 and 9 October.', rag: null });
      await replyToOmbudsman(f.deps, f.as(NORTH.admin), id, { enquiryId: first, sentOn: '2026-11-24', reply: 'The case file.' });
      expect(await due(id)).toBeNull();
    });

    it('records the finding with each recommendation’s action, owner and due date, and says what a half-filled one lacks', async () => {
      await expect(
        recordOmbudsmanOutcome(f.deps, f.as(NORTH.csq), id, {
          finding: 'partly_upheld',
          findingOn: '2026-11-24',
          recommendations: [{ action: 'Apologise in writing.', owner: '', dueOn: '2026-11-23' }],
        }),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [
          { field: 'recommendations.0.owner', message: 'owner.required' },
          { field: 'recommendations.0.dueOn', message: 'dueOn.beforeFinding' },
        ],
      });
      const result = await recordOmbudsmanOutcome(f.deps, f.as(NORTH.csq), id, {
        finding: 'partly_upheld',
        findingOn: '2026-11-24',
        recommendations: [
          { action: 'Apologise in writing.', owner: 'Head of Service, North East', dueOn: '2026-12-08' },
          { action: '', owner: '', dueOn: '' },
        ],
      });
      expect(result.recommendations).toBe(1);
      const page = await viewComplaint(f.deps, f.as(NORTH.csq), id);
      expect(page.ombudsmanReferrals[0]!.recommendations).toEqual([
        expect.objectContaining({ position: 1, action: 'Apologise in writing.', owner: 'Head of Service, North East', dueOn: '2026-12-08', doneOn: null, evidence: null }),
      ]);
    });

    it('records a recommendation done with its evidence, once, by a CSQ manager', async () => {
      const [recommendation] = (await viewComplaint(f.deps, f.as(NORTH.csq), id)).ombudsmanReferrals[0]!.recommendations;
      const done = { recommendationId: recommendation!.id, doneOn: '2026-11-24', evidence: 'The letter of apology sent on 24 November.' };
      await expect(completeOmbudsmanRecommendation(f.deps, f.as(NORTH.admin), id, done)).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(completeOmbudsmanRecommendation(f.deps, f.as(NORTH.csq), id, { ...done, evidence: '' })).rejects.toMatchObject({ problems: [{ field: 'evidence', message: 'evidence.required' }] });
      await completeOmbudsmanRecommendation(f.deps, f.as(NORTH.csq), id, done);
      await expect(completeOmbudsmanRecommendation(f.deps, f.as(NORTH.csq), id, done)).rejects.toMatchObject({ code: 'wrong_state' });
      const [after] = (await viewComplaint(f.deps, f.as(NORTH.csq), id)).ombudsmanReferrals[0]!.recommendations;
      expect(after).toMatchObject({ doneOn: '2026-11-24', evidence: 'The letter of apology sent on 24 November.' });
    });

    it('makes each of these an event in the complaint’s history', async () => {
      expect((await history(id)).map((e) => e.type).filter((t) => t.startsWith('ombudsman.'))).toEqual([
        'ombudsman.referred',
        'ombudsman.enquiry_received',
        'ombudsman.reply_sent',
        'ombudsman.reply_sent',
        'ombudsman.outcome_recorded',
        'ombudsman.recommendation_done',
      ]);
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
