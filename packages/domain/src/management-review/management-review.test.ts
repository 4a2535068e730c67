import { describe, expect, it } from 'vitest';
import { judgeManagementReview, managementReviewSchema, type ManagementReviewChoices } from './management-review';

const choices: ManagementReviewChoices = {
  items: [
    { key: 'compliance_case_plan', dimension: 'compliance', labelEn: 'Case plan', labelCy: 'Cynllun achos', descriptionEn: 'A plan.', descriptionCy: 'Cynllun.' },
    { key: 'outcome_heard', dimension: 'outcome', labelEn: 'Heard', labelCy: 'Wedi ei glywed', descriptionEn: 'Heard.', descriptionCy: 'Wedi ei glywed.' },
  ],
  grades: [
    { key: 'outstanding', labelEn: 'Outstanding', labelCy: 'Rhagorol' },
    { key: 'good', labelEn: 'Good', labelCy: 'Da' },
    { key: 'requires_improvement', labelEn: 'Requires improvement', labelCy: 'Angen gwella' },
    { key: 'inadequate', labelEn: 'Inadequate', labelCy: 'Annigonol' },
  ],
  teams: [{ id: 'team-carlisle' }, { id: 'team-newcastle' }],
  practitioners: [
    { id: 'lucy', teamId: 'team-carlisle' },
    { id: 'mark', teamId: 'team-newcastle' },
  ],
};

const complete = {
  items: {
    compliance_case_plan: { grade: 'requires_improvement', evidence: 'The plan was not updated after the March hearing.' },
    outcome_heard: { grade: 'good', evidence: "The child's wishes are set out in their own words." },
  },
  overallGrade: 'requires_improvement',
  goodPractice: 'Warm, clear work with the child.',
  failings: 'The plan fell behind.',
  teamId: 'team-carlisle',
  practitionerId: 'lucy',
};

describe('a management review', () => {
  it('keeps each item with its words, grade and evidence, and the grades it was made with', () => {
    const judged = judgeManagementReview(managementReviewSchema.parse(complete), choices);
    expect(judged.ok).toBe(true);
    if (!judged.ok) return;
    expect(judged.review.grades).toEqual({ compliance_case_plan: 'requires_improvement', outcome_heard: 'good' });
    expect(judged.review.framework.items[0]).toMatchObject({ key: 'compliance_case_plan', labelEn: 'Case plan', labelCy: 'Cynllun achos', grade: 'requires_improvement', evidence: 'The plan was not updated after the March hearing.' });
    expect(judged.review.framework.grades.map((g) => g.key)).toEqual(['outstanding', 'good', 'requires_improvement', 'inadequate']);
    expect(judged.review).toMatchObject({ overallGrade: 'requires_improvement', goodPractice: 'Warm, clear work with the child.', failings: 'The plan fell behind.', teamId: 'team-carlisle', practitionerId: 'lucy' });
  });

  it('needs a grade and evidence for every item and an overall grade, and says which are missing', () => {
    const judged = judgeManagementReview(
      managementReviewSchema.parse({ ...complete, items: { compliance_case_plan: { grade: 'excellent', evidence: '  ' } }, overallGrade: '' }),
      choices,
    );
    expect(judged).toEqual({
      ok: false,
      problems: [
        { field: 'items.compliance_case_plan.grade', message: 'grade.required' },
        { field: 'items.compliance_case_plan.evidence', message: 'evidence.required' },
        { field: 'items.outcome_heard.grade', message: 'grade.required' },
        { field: 'items.outcome_heard.evidence', message: 'evidence.required' },
        { field: 'overallGrade', message: 'overallGrade.required' },
      ],
    });
  });

  it('refuses evidence that is too long', () => {
    const judged = judgeManagementReview(
      managementReviewSchema.parse({ ...complete, items: { ...complete.items, outcome_heard: { grade: 'good', evidence: 'x'.repeat(3001) } } }),
      choices,
    );
    expect(judged).toEqual({ ok: false, problems: [{ field: 'items.outcome_heard.evidence', message: 'evidence.tooLong' }] });
  });

  it('is linked to a team it may be, and to a practitioner of that team or none', () => {
    expect(judgeManagementReview(managementReviewSchema.parse({ ...complete, teamId: '' }), choices)).toEqual({ ok: false, problems: [{ field: 'teamId', message: 'team.required' }] });
    expect(judgeManagementReview(managementReviewSchema.parse({ ...complete, teamId: 'team-cardiff', practitionerId: '' }), choices)).toEqual({
      ok: false,
      problems: [{ field: 'teamId', message: 'team.invalid' }],
    });
    expect(judgeManagementReview(managementReviewSchema.parse({ ...complete, practitionerId: 'mark' }), choices)).toEqual({
      ok: false,
      problems: [{ field: 'practitionerId', message: 'practitioner.notInTeam' }],
    });
    expect(judgeManagementReview(managementReviewSchema.parse({ ...complete, practitionerId: 'someone' }), choices)).toEqual({
      ok: false,
      problems: [{ field: 'practitionerId', message: 'practitioner.invalid' }],
    });
    const noPractitioner = judgeManagementReview(managementReviewSchema.parse({ ...complete, practitionerId: '' }), choices);
    expect(noPractitioner.ok && noPractitioner.review.practitionerId).toBeNull();
  });

  it('leaves out what was not said about good practice and failings', () => {
    const judged = judgeManagementReview(managementReviewSchema.parse({ ...complete, goodPractice: ' ', failings: '' }), choices);
    expect(judged.ok && [judged.review.goodPractice, judged.review.failings]).toEqual([null, null]);
  });
});
