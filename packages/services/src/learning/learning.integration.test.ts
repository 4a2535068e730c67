import { queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { steppingClock } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { viewComplaint } from '../casework/view-complaint';
import { closeComplaint } from '../casework/close-complaint';
import { checkClosure } from '../quality-assurance/check-closure';
import { recordOmbudsmanOutcome } from '../escalation/record-ombudsman-outcome';
import { referToOmbudsman } from '../escalation/refer-to-ombudsman';
import { recordManagementReview } from '../management-review/record-management-review';
import { footprint } from '../testing/nothing-written';
import { answeredComplaint, caseworkSuite, closedComplaint, DEMO_STAFF, NORTH, WALES } from '../testing/casework-fixture';
import { publishLearningPoint } from './publish-learning-point';
import { raiseLearning } from './raise-learning';
import { updateLearningPoint } from './update-learning-point';
import { viewLearningBulletin } from './view-learning-bulletin';
import { viewLearningIndex } from './view-learning-index';
import { viewLearningLog } from './view-learning-log';
import { viewLearningPoint } from './view-learning-point';
import { viewRaiseLearning } from './view-raise-learning';

// From Tuesday 24 November 2026, 11:00 in London, a second on at each reading.
const clock = steppingClock('2026-11-24T11:00:00Z');

const { admin: ADMIN, csq: CSQ, manager: MANAGER } = NORTH;
const { head: HEAD, national: NATIONAL, reviewer: OTHER_MANAGER } = DEMO_STAFF;

const FRAMEWORK = ['compliance_case_plan', 'compliance_recording', 'outcome_safe', 'outcome_heard', 'outcome_better_represented', 'outcome_enabled'];

describeEachDatabase('learning log', (database) => {
  const f = caseworkSuite(database, clock);

  const learning = (over: Record<string, unknown> = {}) => ({
    source: 'complaint',
    level: 'service_area',
    teamId: '',
    serviceAreaId: f.places['NEC'],
    businessAreaId: '',
    learnt: 'Calls to families went unreturned while the practitioner was on leave.',
    action: 'Set up a cover rota for calls in every team of the service area.',
    ownerId: f.staffId(HEAD),
    dueOn: '2027-01-29',
    ...over,
  });

  async function pointsOf(complaintId: string) {
    return queryRows<{ id: string; level: string; team_id: string | null; service_area_id: string | null; business_area_id: string | null; source_kind: string; source_id: string; status: string; owner_id: string }>(
      f.db,
      sql`select id, level, team_id, service_area_id, business_area_id, source_kind, source_id, status, owner_id from learning_points where complaint_id = ${complaintId} order by raised_at`,
    );
  }
  async function lastEvent(complaintId: string) {
    const [event] = await queryRows<{ type: string; payload: Record<string, unknown>; visibility: string; actor_staff_id: string }>(
      f.db,
      sql`select type, payload, visibility, actor_staff_id from complaint_events where complaint_id = ${complaintId} order by sequence desc limit 1`,
    );
    return event!;
  }

  describe('raised from a complaint with a management review', () => {
    let id: string;
    let reviewId: string;
    let pointId: string;

    it('offers the complaint’s own places, its review, and the owners of its business area', async () => {
      // Answered, the response sent: the review is of the work the complaint questioned.
      id = await answeredComplaint(f);
      ({ reviewId } = await recordManagementReview(f.deps, f.as(MANAGER), id, {
        items: Object.fromEntries(FRAMEWORK.map((key) => [key, { grade: 'requires_improvement', evidence: 'Case record, October.' }])),
        overallGrade: 'requires_improvement',
        failings: 'Calls went unreturned for three weeks.',
        teamId: f.places['NEC-CARLISLE'],
        practitionerId: f.places['Lucy Bell'],
      }));
      const page = await viewRaiseLearning(f.deps, f.as(MANAGER), id);
      expect(page.places.teams.map((t) => t.nameEn).sort()).toEqual(['Carlisle', 'Newcastle']);
      expect(page.places.serviceArea?.id).toBe(f.places['NEC']);
      expect(page.places.businessArea?.nameEn).toBe('North');
      expect(page.sources.reviews.map((r) => r.id)).toEqual([reviewId]);
      expect(page.teamId).toBe(f.places['NEC-CARLISLE']);
      expect(page.ownerId).toBe(f.staffId(MANAGER));
      const owners = page.owners.map((o) => o.fullName);
      expect(owners).toEqual(expect.arrayContaining(['Helen Okafor', 'Rachel Green', 'Sarah Wilson', 'Margaret Lewis']));
      expect(owners).not.toContain('Elin Roberts');
      expect(owners).not.toContain('Sam Fletcher');
    });

    it('is a move: the point is stored at its level with the areas above it, and the complaint’s history says so', async () => {
      ({ learningPointId: pointId } = await raiseLearning(f.deps, f.as(MANAGER), id, learning({ source: `management_review:${reviewId}` })));
      const [stored] = await pointsOf(id);
      expect(stored).toMatchObject({
        id: pointId,
        level: 'service_area',
        team_id: null,
        service_area_id: f.places['NEC'],
        source_kind: 'management_review',
        source_id: reviewId,
        status: 'open',
        owner_id: f.staffId(HEAD),
      });
      expect(stored!.business_area_id).not.toBeNull();
      expect(await lastEvent(id)).toEqual({
        type: 'learning.raised',
        payload: { learningPointId: pointId, level: 'service_area', source: 'management_review', sourceId: reviewId, dueOn: '2027-01-29' },
        visibility: 'internal',
        actor_staff_id: f.staffId(MANAGER),
      });
      const page = await viewComplaint(f.deps, f.as(MANAGER), id);
      expect(page.learning.map((l) => [l.id, l.status, l.ownerName])).toEqual([[pointId, 'open', 'Helen Okafor']]);
      expect(page.timeline.some((e) => e.event.move === 'raise_learning')).toBe(true);
    });

    it('needs the area matching its level, one of the complaint’s own, and writes nothing when refused', async () => {
      const before = await queryRows(f.db, sql`select 1 from complaint_events where complaint_id = ${id}`);
      await expect(raiseLearning(f.deps, f.as(MANAGER), id, learning({ level: 'team', teamId: '' }))).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [{ field: 'teamId', message: 'team.required' }],
      });
      await expect(raiseLearning(f.deps, f.as(MANAGER), id, learning({ level: 'business_area', serviceAreaId: f.places['NEC'], businessAreaId: '' }))).rejects.toMatchObject({
        problems: [{ field: 'businessAreaId', message: 'businessArea.required' }],
      });
      await expect(raiseLearning(f.deps, f.as(MANAGER), id, learning({ level: 'team', teamId: f.places['WAL-CARDIFF'] }))).rejects.toMatchObject({
        problems: [{ field: 'teamId', message: 'team.invalid' }],
      });
      await expect(raiseLearning(f.deps, f.as(MANAGER), id, learning({ source: 'management_review:00000000-0000-4000-8000-000000000000', dueOn: '2026-11-01', ownerId: f.staffId(WALES.csq) }))).rejects.toMatchObject({
        problems: [
          { field: 'dueOn', message: 'dueOn.past' },
          { field: 'source', message: 'source.invalid' },
          { field: 'ownerId', message: 'owner.required' },
        ],
      });
      expect(await pointsOf(id)).toHaveLength(1);
      expect(await queryRows(f.db, sql`select 1 from complaint_events where complaint_id = ${id}`)).toHaveLength(before.length);
    });

    it('is refused by the database too when a level lacks its area', async () => {
      const [row] = await queryRows<{ raised_by: string }>(f.db, sql`select raised_by from learning_points where id = ${pointId}`);
      await expect(
        f.db.execute(sql`insert into learning_points (source_kind, source_id, level, learnt, action, owner_id, due_on, raised_by, raised_at, updated_at)
          values ('complaint', ${id}, 'team', 'x', 'y', ${row!.raised_by}, '2027-01-01', ${row!.raised_by}, now(), now())`),
      ).rejects.toThrow();
      await expect(f.db.execute(sql`update learning_points set status = 'done' where id = ${pointId}`)).rejects.toThrow();
      expect((await pointsOf(id))[0]!.status).toBe('open');
    });

    it('is raised by the managers who may work on the complaint, not CSQ administration, and not from another area', async () => {
      await expect(raiseLearning(f.deps, f.as(ADMIN), id, learning())).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(raiseLearning(f.deps, f.as(OTHER_MANAGER), id, learning())).rejects.toMatchObject({ code: 'not_found' });
      await expect(raiseLearning(f.deps, f.as(WALES.csq), id, learning())).rejects.toMatchObject({ code: 'not_found' });
      await expect(viewRaiseLearning(f.deps, f.as(ADMIN), id)).rejects.toMatchObject({ code: 'not_allowed' });
    });

    it('is in the service area’s log for its Head of Service and the business area’s CSQ staff, not for other areas', async () => {
      const inLog = async (email: string) => (await viewLearningLog(f.deps, f.as(email), 'service_area', {})).points.map((p) => p.id);
      expect(await inLog(HEAD)).toContain(pointId);
      expect(await inLog(CSQ)).toContain(pointId);
      expect(await inLog(ADMIN)).toContain(pointId);
      expect(await inLog(NATIONAL)).toContain(pointId);
      expect(await inLog(WALES.csq)).not.toContain(pointId);
      // A responding manager's log is their team's; the service area's is not theirs to open.
      await expect(viewLearningLog(f.deps, f.as(MANAGER), 'service_area', {})).rejects.toMatchObject({ code: 'not_allowed' });
      expect((await viewLearningLog(f.deps, f.as(MANAGER), 'team', {})).points.map((p) => p.id)).not.toContain(pointId);
      await expect(viewLearningLog(f.deps, f.as('sam.fletcher@example.org'), 'team', {})).rejects.toMatchObject({ code: 'not_allowed' });
      // The point's own page: to its area, to whoever may see the complaint, to nobody else.
      expect((await viewLearningPoint(f.deps, f.as(MANAGER), pointId)).reference).not.toBeNull();
      await expect(viewLearningPoint(f.deps, f.as(WALES.csq), pointId)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('is followed up by its owner and the area’s managers, and done only with evidence, even after the complaint is closed', async () => {
      await expect(updateLearningPoint(f.deps, f.as(MANAGER), pointId, { status: 'in_progress' })).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(updateLearningPoint(f.deps, f.as(ADMIN), pointId, { status: 'in_progress' })).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(updateLearningPoint(f.deps, f.as(WALES.csq), pointId, { status: 'in_progress' })).rejects.toMatchObject({ code: 'not_found' });
      await updateLearningPoint(f.deps, f.as(HEAD), pointId, { status: 'in_progress', note: 'Rota drafted with the team managers.' });

      // The complaint is closed; its learning is followed up still.
      const item = (note: string) => ({ done: true, note });
      await checkClosure(f.deps, f.as(CSQ), id, {
        points_answered: item('Each point has its own answer.'),
        letters_approved_and_sent: item('Every letter was approved before it went.'),
        timescales_met: item('Checked against the due dates.'),
        record_complete: item('The record matches the file.'),
      });
      await closeComplaint(f.deps, f.as(CSQ), id);
      expect((await queryRows<{ state: string }>(f.db, sql`select state from complaints where id = ${id}`))[0]!.state).toBe('closed');
      await expect(updateLearningPoint(f.deps, f.as(CSQ), pointId, { status: 'done', evidence: '  ' })).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [{ field: 'evidence', message: 'evidence.required' }],
      });
      await updateLearningPoint(f.deps, f.as(CSQ), pointId, { status: 'done', evidence: 'Rota in use from 1 December; team meeting minutes.' });
      const page = await viewLearningPoint(f.deps, f.as(HEAD), pointId);
      expect(page.point).toMatchObject({ status: 'done', evidence: 'Rota in use from 1 December; team meeting minutes.', overdue: false });
      expect(page.updates.map((u) => [u.fromStatus, u.toStatus, u.staffName])).toEqual([
        ['open', 'in_progress', 'Helen Okafor'],
        ['in_progress', 'done', 'Rachel Green'],
      ]);
      expect(page.mayFollowUp).toBe(false);
      await expect(updateLearningPoint(f.deps, f.as(HEAD), pointId, { status: 'in_progress' })).rejects.toMatchObject({ problems: [{ field: 'status', message: 'status.closed' }] });
      const audit = await queryRows<{ action: string; subject: string }>(f.db, sql`select action, subject from audit_log where subject like ${`learning_point:${pointId}%`} order by occurred_at`);
      expect(audit.map((a) => a.action)).toEqual(['learning.raised', 'learning.status_changed', 'learning.status_changed']);
    });
  });

  describe('the log’s filters, sorting and overdue actions', () => {
    it('narrows to what is overdue and flags it, sorted as asked', async () => {
      const id = await closedComplaint(f);
      // Learning may still be raised once a complaint is closed.
      const late = await raiseLearning(f.deps, f.as(CSQ), id, learning({ level: 'team', teamId: f.places['NEC-NEWCASTL'], dueOn: '2026-12-01', ownerId: f.staffId(OTHER_MANAGER) }));
      const later = await raiseLearning(f.deps, f.as(CSQ), id, learning({ level: 'team', teamId: f.places['NEC-CARLISLE'], dueOn: '2027-03-01' }));
      await f.db.execute(sql`update learning_points set due_on = '2026-11-20' where id = ${late.learningPointId}`);
      const overdue = await viewLearningLog(f.deps, f.as(CSQ), 'team', { status: 'overdue' });
      expect(overdue.points.map((p) => [p.id, p.overdue])).toEqual([[late.learningPointId, true]]);
      expect(overdue.overdue).toBe(1);
      const byDueLast = await viewLearningLog(f.deps, f.as(CSQ), 'team', { sort: 'due', direction: 'desc' });
      expect(byDueLast.points.map((p) => p.id)).toEqual([later.learningPointId, late.learningPointId]);
      const newcastle = await viewLearningLog(f.deps, f.as(CSQ), 'team', { area: f.places['NEC-NEWCASTL'] });
      expect(newcastle.points.map((p) => p.id)).toEqual([late.learningPointId]);
      // The owner of an action finds it in their own log, whatever its level.
      expect((await viewLearningLog(f.deps, f.as(OTHER_MANAGER), 'team', {})).points.map((p) => p.id)).toEqual([late.learningPointId]);
      // And on the learning log's front page, with whatever they own at any level.
      const front = await viewLearningIndex(f.deps, f.as(OTHER_MANAGER));
      expect(front.levels).toEqual(['team']);
      expect(front.mine.map((p) => [p.id, p.overdue])).toEqual([[late.learningPointId, true]]);
      // A manager's team log holds their team's learning only.
      expect((await viewLearningLog(f.deps, f.as(MANAGER), 'team', {})).points.map((p) => p.id)).toEqual([later.learningPointId]);
    });
  });

  describe('raised from one of the Ombudsman’s recommendations', () => {
    let id: string;
    let recommendationId: string;
    let otherRecommendationId: string;
    const ACTION = 'Check every team’s messages daily and return calls within two working days.';

    /** A complaint sent to the Ombudsman, partly upheld with one recommendation; its id. */
    async function partlyUpheld(action: string): Promise<{ complaintId: string; recommendationId: string }> {
      const complaintId = await answeredComplaint(f);
      await referToOmbudsman(f.deps, f.as(ADMIN), complaintId, { referredOn: '2026-11-24', theirReference: 'PHSO-0300', replyDueOn: '2026-12-22' });
      await recordOmbudsmanOutcome(f.deps, f.as(CSQ), complaintId, {
        finding: 'partly_upheld',
        findingOn: '2026-11-24',
        recommendations: [{ action, owner: 'Head of Service, North East', dueOn: '2026-12-08' }],
      });
      const [recommendation] = (await viewComplaint(f.deps, f.as(CSQ), complaintId)).ombudsmanReferrals[0]!.recommendations;
      return { complaintId, recommendationId: recommendation!.id };
    }

    it('offers each recommendation as a source, and starts the form from the one asked for with its action', async () => {
      ({ complaintId: id, recommendationId } = await partlyUpheld(ACTION));
      ({ recommendationId: otherRecommendationId } = await partlyUpheld('Apologise in writing.'));
      const page = await viewRaiseLearning(f.deps, f.as(NATIONAL), id, `ombudsman_recommendation:${recommendationId}`);
      expect(page.sources.recommendations).toEqual([{ id: recommendationId, referralId: expect.any(String), position: 1, action: ACTION }]);
      expect(page).toMatchObject({ source: `ombudsman_recommendation:${recommendationId}`, action: ACTION });
      // Another complaint's recommendation is not offered: the form starts from the complaint, with no action.
      expect(await viewRaiseLearning(f.deps, f.as(NATIONAL), id, `ombudsman_recommendation:${otherRecommendationId}`)).toMatchObject({ source: 'complaint', action: '' });
      expect(await viewRaiseLearning(f.deps, f.as(NATIONAL), id)).toMatchObject({ source: 'complaint', action: '' });
    });

    it('is refused, with its reason, from a recommendation of another complaint, and writes nothing', async () => {
      const before = await footprint(f.db, id);
      const national = learning({ level: 'national', serviceAreaId: '', ownerId: f.staffId(NATIONAL), action: 'Apologise in writing.' });
      await expect(raiseLearning(f.deps, f.as(NATIONAL), id, { ...national, source: `ombudsman_recommendation:${otherRecommendationId}` })).rejects.toMatchObject({
        name: 'Refusal',
        code: 'recommendation_not_on_complaint',
      });
      await expect(raiseLearning(f.deps, f.as(NATIONAL), id, { ...national, source: 'ombudsman_recommendation:00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
        code: 'recommendation_not_on_complaint',
      });
      expect(await footprint(f.db, id)).toEqual(before);
      expect(await pointsOf(id)).toEqual([]);
    });

    it('is national learning named by the recommendation, in the complaint’s history and in the national log', async () => {
      const { learningPointId } = await raiseLearning(
        f.deps,
        f.as(NATIONAL),
        id,
        learning({ source: `ombudsman_recommendation:${recommendationId}`, level: 'national', serviceAreaId: '', action: ACTION, ownerId: f.staffId(NATIONAL) }),
      );
      expect(await pointsOf(id)).toEqual([expect.objectContaining({ id: learningPointId, level: 'national', source_kind: 'ombudsman_recommendation', source_id: recommendationId })]);
      expect(await lastEvent(id)).toEqual({
        type: 'learning.raised',
        payload: { learningPointId, level: 'national', source: 'ombudsman_recommendation', sourceId: recommendationId, dueOn: '2027-01-29' },
        visibility: 'internal',
        actor_staff_id: f.staffId(NATIONAL),
      });
      const complaint = await viewComplaint(f.deps, f.as(NATIONAL), id);
      expect(complaint.timeline.filter((e) => e.event.move === 'raise_learning').map((e) => e.event.payload)).toEqual([expect.objectContaining({ source: 'ombudsman_recommendation', sourceId: recommendationId })]);
      const point = await viewLearningPoint(f.deps, f.as(NATIONAL), learningPointId);
      expect(point.point).toMatchObject({ sourceKind: 'ombudsman_recommendation', sourceId: recommendationId, recommendationAction: ACTION, complaintId: id });
      const log = await viewLearningLog(f.deps, f.as(NATIONAL), 'national', {});
      expect(JSON.stringify(log)).toContain(learningPointId);
      // The database knows the kind (its check names it), and still takes no kind it does not know.
      await expect(queryRows(f.db, sql`update learning_points set source_kind = 'letter' where id = ${learningPointId} returning id`)).rejects.toThrow();
    });
  });

  describe('national learning and the staff bulletin', () => {
    it('is published by national office in wording of its own, naming nobody', async () => {
      const id = await closedComplaint(f);
      const { learningPointId } = await raiseLearning(
        f.deps,
        f.as(CSQ),
        id,
        learning({ level: 'national', serviceAreaId: '', learnt: 'Jo Bloggs waited three weeks because Lucy Bell’s calls were not covered.', action: 'Sarah Wilson to brief every team.', ownerId: f.staffId(NATIONAL) }),
      );
      expect((await pointsOf(id))[0]).toMatchObject({ level: 'national', team_id: null, service_area_id: null, business_area_id: null });
      // National learning is national office's log, not an area's.
      expect((await viewLearningLog(f.deps, f.as(CSQ), 'team', {})).levels).toEqual(['team', 'service_area', 'business_area']);
      await expect(publishLearningPoint(f.deps, f.as(CSQ), learningPointId, { bulletinWording: 'Cover calls.' })).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(publishLearningPoint(f.deps, f.as(NATIONAL), learningPointId, { bulletinWording: 'After Ms Bloggs complained we changed cover.' })).rejects.toMatchObject({
        problems: [{ field: 'bulletinWording', message: 'bulletinWording.namesPerson' }],
      });
      await expect(publishLearningPoint(f.deps, f.as(NATIONAL), learningPointId, { bulletinWording: 'Sarah Wilson briefed the teams.' })).rejects.toMatchObject({ code: 'invalid_input' });
      await publishLearningPoint(f.deps, f.as(NATIONAL), learningPointId, {
        bulletinWording: 'When a practitioner is away, their calls are covered by the team: every team now keeps a cover rota.',
      });

      const bulletin = await viewLearningBulletin(f.deps);
      expect(bulletin.map((b) => b.wording)).toEqual(['When a practitioner is away, their calls are covered by the team: every team now keeps a cover rota.']);
      const [reference] = await queryRows<{ reference: string }>(f.db, sql`select reference from complaints where id = ${id}`);
      const everything = JSON.stringify(bulletin);
      for (const name of ['Jo Bloggs', 'Bloggs', 'Lucy Bell', 'Sarah Wilson', 'Margaret Lewis', 'Rachel Green', reference!.reference, id]) expect(everything).not.toContain(name);
    });

    it('cannot publish learning of any other level', async () => {
      const id = await closedComplaint(f);
      const { learningPointId } = await raiseLearning(f.deps, f.as(CSQ), id, learning());
      await expect(publishLearningPoint(f.deps, f.as(NATIONAL), learningPointId, { bulletinWording: 'Calls are covered.' })).rejects.toMatchObject({ code: 'not_allowed' });
    });
  });
});
