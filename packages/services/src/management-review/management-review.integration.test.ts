import { queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { steppingClock } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { logComplaint } from '../casework/log-complaint';
import { viewComplaint } from '../casework/view-complaint';
import { startInvestigation } from '../investigation/start-investigation';
import { recordTriage } from '../casework/record-triage';
import { acknowledgedComplaint, caseworkSuite, DEMO_STAFF, loggedComplaint, NORTH } from '../testing/casework-fixture';
import { saveQualityFramework, viewQualityFramework } from './quality-framework';
import { recordManagementReview } from './record-management-review';
import { viewManagementReview } from './view-management-review';

// From Tuesday 24 November 2026, 11:00 in London, a second on at each reading.
const clock = steppingClock('2026-11-24T11:00:00Z');

const { admin: ADMIN, csq: CSQ, manager: MANAGER } = NORTH;

const FRAMEWORK = ['compliance_case_plan', 'compliance_recording', 'outcome_safe', 'outcome_heard', 'outcome_better_represented', 'outcome_enabled'];
const GRADES: Record<string, string> = {
  compliance_case_plan: 'requires_improvement',
  compliance_recording: 'inadequate',
  outcome_safe: 'good',
  outcome_heard: 'outstanding',
  outcome_better_represented: 'requires_improvement',
  outcome_enabled: 'good',
};

const review = (over: Record<string, unknown> = {}) => ({
  items: Object.fromEntries(FRAMEWORK.map((key) => [key, { grade: GRADES[key], evidence: `Case record for ${key}, entries of 2 and 9 October.` }])),
  overallGrade: 'requires_improvement',
  goodPractice: 'The child’s wishes are written in their own words.',
  failings: 'Two visits went unrecorded for three weeks.',
  ...over,
});

describeEachDatabase('management review', (database) => {
  const f = caseworkSuite(database, clock);

  async function reviewsOf(complaintId: string) {
    return queryRows<{ id: string; grades: Record<string, string>; overall_grade: string; practitioner_id: string | null; team_id: string; framework: { items: Array<Record<string, string>>; grades: Array<Record<string, string>> }; good_practice: string | null; failings: string | null }>(
      f.db,
      sql`select id, grades, overall_grade, practitioner_id, team_id, framework, good_practice, failings from management_reviews where complaint_id = ${complaintId} order by created_at`,
    );
  }

  /** A complaint about the Carlisle team's work with Lucy Bell as practitioner, acknowledged and being investigated. */
  async function investigatedComplaint() {
    const id = await acknowledgedComplaint(f);
    await startInvestigation(f.deps, f.as(MANAGER), id);
    return id;
  }

  describe('of a case whose quality of work is questioned', () => {
    let id: string;

    it('offers the framework as the organisation set it, and the complaint’s own team and practitioner', async () => {
      id = await investigatedComplaint();
      const page = await viewManagementReview(f.deps, f.as(MANAGER), id);
      expect(page.items.map((i) => i.key)).toEqual(FRAMEWORK);
      expect(page.grades.map((g) => g.key)).toEqual(['outstanding', 'good', 'requires_improvement', 'inadequate']);
      expect(page.teamId).toBe(f.places['NEC-CARLISLE']);
      expect(page.practitionerId).toBe(f.places['Lucy Bell']);
      // The teams of the complaint's service area, and their practitioners.
      expect(page.places.teams.map((t) => t.nameEn).sort()).toEqual(['Carlisle', 'Newcastle']);
      expect(page.places.practitioners.map((p) => p.fullName).sort()).toEqual(['Andrew Graham', 'Joanne Carr', 'Lucy Bell', 'Mark Dixon']);
    });

    it('is stored with each item graded with its evidence, the overall grade, and whose work it was', async () => {
      const { reviewId } = await recordManagementReview(f.deps, f.as(MANAGER), id, review({ teamId: f.places['NEC-CARLISLE'], practitionerId: f.places['Lucy Bell'] }));
      const [stored] = await reviewsOf(id);
      expect(stored).toMatchObject({
        id: reviewId,
        grades: GRADES,
        overall_grade: 'requires_improvement',
        practitioner_id: f.places['Lucy Bell'],
        team_id: f.places['NEC-CARLISLE'],
        good_practice: 'The child’s wishes are written in their own words.',
        failings: 'Two visits went unrecorded for three weeks.',
      });
      expect(stored!.framework.items.map((i) => [i.key, i.grade])).toEqual(FRAMEWORK.map((key) => [key, GRADES[key]]));
      expect(stored!.framework.items[3]).toMatchObject({ key: 'outcome_heard', labelEn: 'Heard', labelCy: 'Wedi ei glywed', evidence: 'Case record for outcome_heard, entries of 2 and 9 October.' });

      const [event] = await queryRows<{ type: string; payload: unknown; visibility: string }>(f.db, sql`select type, payload, visibility from complaint_events where complaint_id = ${id} order by sequence desc limit 1`);
      expect(event).toEqual({
        type: 'management_review.recorded',
        payload: { reviewId, practitionerId: f.places['Lucy Bell'], teamId: f.places['NEC-CARLISLE'], overallGrade: 'requires_improvement', frameworkVersion: 1 },
        visibility: 'internal',
      });
    });

    it('shows on the case page with the framework version it was made against, even after national office saves a new one', async () => {
      const national = f.as(DEMO_STAFF.national);
      const current = (await viewQualityFramework(f.deps, national)).current;
      expect(current.version).toBe(1);
      const edit = (label: string, baseVersion: number) => ({
        baseVersion,
        items: current.items.map((i) => (i.key === 'outcome_heard' ? { ...i, labelEn: label } : i)),
        grades: current.grades,
      });
      // Only national office edits the framework; a manager is refused.
      await expect(saveQualityFramework(f.deps, f.as(MANAGER), edit('Heard and understood', 1))).rejects.toMatchObject({ code: 'not_allowed' });
      expect(await saveQualityFramework(f.deps, national, edit('Heard and understood', 1))).toEqual({ version: 2 });
      // Saved again unchanged, nothing is written; an edit of a version since replaced is refused.
      await expect(saveQualityFramework(f.deps, national, edit('Heard and understood', 2))).rejects.toMatchObject({ code: 'nothing_changed' });
      await expect(saveQualityFramework(f.deps, national, edit('Heard at last', 1))).rejects.toMatchObject({ problems: [{ field: 'items', message: 'framework.changedMeanwhile' }] });
      try {
        const page = await viewComplaint(f.deps, f.as(MANAGER), id);
        expect(page.managementReviews).toHaveLength(1);
        expect(page.managementReviews[0]).toMatchObject({ reviewerName: 'Sarah Wilson', practitionerName: 'Lucy Bell', teamNameEn: 'Carlisle', overallGrade: 'requires_improvement', frameworkVersion: 1 });
        expect(page.managementReviews[0]!.framework!.items.find((i) => i.key === 'outcome_heard')).toMatchObject({ labelEn: 'Heard', grade: 'outstanding' });
        const form = await viewManagementReview(f.deps, f.as(MANAGER), id);
        expect(form.frameworkVersion).toBe(2);
        expect(form.items.find((i) => i.key === 'outcome_heard')?.labelEn).toBe('Heard and understood');
        // Every version is kept as it was saved.
        expect((await viewQualityFramework(f.deps, national)).versions.map((v) => v.version)).toEqual([2, 1]);
      } finally {
        expect(await saveQualityFramework(f.deps, national, { baseVersion: 2, items: current.items, grades: current.grades })).toEqual({ version: 3 });
      }
    });

    it('cannot grade a domain the framework does not have', async () => {
      const items = review().items as Record<string, { grade: string; evidence: string }>;
      await expect(
        recordManagementReview(f.deps, f.as(MANAGER), id, review({ items: { ...items, outcome_imagined: { grade: 'good', evidence: 'Seen.' } }, teamId: f.places['NEC-CARLISLE'] })),
      ).rejects.toMatchObject({ code: 'invalid_input', problems: [{ field: 'items.outcome_imagined.grade', message: 'grade.notInFramework' }] });
      expect(await reviewsOf(id)).toHaveLength(1);
    });

    it('is about a point whose practitioner triage recorded, and starts from that practitioner', async () => {
      const [point] = (await viewComplaint(f.deps, f.as(MANAGER), id)).points;
      const triage = { categoryKey: 'quality_of_work', outcome: 'organisation', reason: 'About the report.' };
      await expect(recordTriage(f.deps, f.as(MANAGER), id, point!.id, { ...triage, practitionerId: f.places['Nadia Hussain'] })).rejects.toMatchObject({
        problems: [{ field: 'practitionerId', message: 'practitioner.invalid' }],
      });
      await recordTriage(f.deps, f.as(MANAGER), id, point!.id, { ...triage, practitionerId: f.places['Mark Dixon'] });
      const [event] = await queryRows<{ payload: Record<string, unknown> }>(f.db, sql`select payload from complaint_events where complaint_id = ${id} order by sequence desc limit 1`);
      expect(event!.payload).toMatchObject({ pointId: point!.id, practitionerId: f.places['Mark Dixon'] });
      const form = await viewManagementReview(f.deps, f.as(MANAGER), id, point!.id);
      expect(form).toMatchObject({ pointId: point!.id, practitionerId: f.places['Mark Dixon'], teamId: f.places['NEC-NEWCASTL'], frameworkVersion: 3 });
      const { reviewId } = await recordManagementReview(f.deps, f.as(MANAGER), id, review({ pointId: point!.id, teamId: form.teamId, practitionerId: form.practitionerId }));
      const page = await viewComplaint(f.deps, f.as(MANAGER), id);
      expect(page.managementReviews[0]).toMatchObject({ id: reviewId, pointPosition: 1, practitionerName: 'Mark Dixon', frameworkVersion: 3 });
      expect(page.points[0]).toMatchObject({ practitionerId: f.places['Mark Dixon'], practitionerName: 'Mark Dixon' });
      await expect(recordManagementReview(f.deps, f.as(MANAGER), id, review({ pointId: '00000000-0000-4000-8000-000000000000', teamId: form.teamId }))).rejects.toMatchObject({
        problems: [{ field: 'pointId', message: 'point.invalid' }],
      });
    });

    it('is seen by the responding manager of this complaint, and not by another manager', async () => {
      expect((await viewComplaint(f.deps, f.as(MANAGER), id)).managementReviews.length).toBeGreaterThan(0);
      expect((await viewComplaint(f.deps, f.as(DEMO_STAFF.head), id)).managementReviews.length).toBeGreaterThan(0);
      await expect(viewComplaint(f.deps, f.as(DEMO_STAFF.reviewer), id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(viewManagementReview(f.deps, f.as(DEMO_STAFF.reviewer), id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(recordManagementReview(f.deps, f.as(DEMO_STAFF.reviewer), id, review({ teamId: f.places['NEC-CARLISLE'] }))).rejects.toMatchObject({ code: 'not_found' });
    });

    it('needs a grade and evidence for every item and an overall grade, and says which are missing, writing nothing', async () => {
      const items = review().items as Record<string, { grade: string; evidence: string }>;
      const incomplete = review({ items: { ...items, outcome_safe: { grade: '', evidence: '' }, outcome_enabled: { grade: 'brilliant', evidence: 'Seen.' } }, overallGrade: '', teamId: f.places['NEC-CARLISLE'] });
      await expect(recordManagementReview(f.deps, f.as(MANAGER), id, incomplete)).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [
          { field: 'items.outcome_safe.grade', message: 'grade.required' },
          { field: 'items.outcome_safe.evidence', message: 'evidence.required' },
          { field: 'items.outcome_enabled.grade', message: 'grade.required' },
          { field: 'overallGrade', message: 'overallGrade.required' },
        ],
      });
      await expect(recordManagementReview(f.deps, f.as(MANAGER), id, review({ teamId: f.places['NEC-CARLISLE'], practitionerId: f.places['Mark Dixon'], pointId: '' }))).rejects.toMatchObject({
        problems: [{ field: 'practitionerId', message: 'practitioner.notInTeam' }],
      });
      await expect(recordManagementReview(f.deps, f.as(MANAGER), id, review({ teamId: f.places['WAL-CARDIFF'] }))).rejects.toMatchObject({
        problems: [{ field: 'teamId', message: 'team.invalid' }],
      });
      expect(await reviewsOf(id)).toHaveLength(2);
    });

    it('may be recorded again as the investigation goes on, the latest shown first', async () => {
      await recordManagementReview(f.deps, f.as(MANAGER), id, review({ overallGrade: 'good', teamId: f.places['NEC-CARLISLE'], practitionerId: '' }));
      const page = await viewComplaint(f.deps, f.as(MANAGER), id);
      expect(page.managementReviews.map((r) => [r.overallGrade, r.practitionerName])).toEqual([
        ['good', null],
        ['requires_improvement', 'Mark Dixon'],
        ['requires_improvement', 'Lucy Bell'],
      ]);
    });

    it('is the managers’ to make, and not before the investigation', async () => {
      await expect(recordManagementReview(f.deps, f.as(ADMIN), id, review({ teamId: f.places['NEC-CARLISLE'] }))).rejects.toMatchObject({ code: 'not_allowed' });
      const { id: logged } = await logComplaint(f.deps, f.as(ADMIN), loggedComplaint(f.places, { channel: 'email' }));
      await expect(recordManagementReview(f.deps, f.as(CSQ), logged, review({ teamId: f.places['NEC-CARLISLE'] }))).rejects.toMatchObject({ code: 'wrong_state' });
      expect(await reviewsOf(logged)).toHaveLength(0);
    });
  });
});
