import { describe, expect, it } from 'vitest';
import { frameworkKey, judgeFrameworkEdit } from './framework';
import { judgeManagementReview, managementReviewSchema } from './management-review';

const current = {
  items: [
    { key: 'compliance_case_plan', dimension: 'compliance' as const, labelEn: 'Case plan', labelCy: 'Cynllun achos', descriptionEn: 'A plan.', descriptionCy: 'Cynllun.' },
    { key: 'outcome_heard', dimension: 'outcome' as const, labelEn: 'Heard', labelCy: 'Wedi ei glywed', descriptionEn: 'Heard.', descriptionCy: 'Wedi ei glywed.' },
  ],
  grades: [
    { key: 'good', labelEn: 'Good', labelCy: 'Da' },
    { key: 'inadequate', labelEn: 'Inadequate', labelCy: 'Annigonol' },
  ],
};
const asTyped = { items: current.items.map((i) => ({ ...i })), grades: current.grades.map((g) => ({ ...g })) };

describe('editing the quality framework', () => {
  it('sees a form sent back unchanged as no change', () => {
    expect(judgeFrameworkEdit(asTyped, current)).toEqual({ ok: true, framework: current, changed: false });
  });

  it('changes descriptors, removes a domain and adds one whose key comes from its English name', () => {
    const judged = judgeFrameworkEdit(
      {
        items: [
          { ...asTyped.items[0], descriptionEn: 'The plan follows policy.' },
          { ...asTyped.items[1], remove: true },
          { key: '', dimension: 'outcome', labelEn: 'Better represented', labelCy: 'Wedi ei gynrychioli’n well', descriptionEn: 'Documents are child-centred.', descriptionCy: 'Dogfennau.' },
          { key: '', dimension: '', labelEn: '', labelCy: '', descriptionEn: '', descriptionCy: '' },
        ],
        grades: [...asTyped.grades, { key: '', labelEn: 'Outstanding', labelCy: 'Rhagorol' }],
      },
      current,
    );
    expect(judged.ok).toBe(true);
    if (!judged.ok) return;
    expect(judged.changed).toBe(true);
    expect(judged.framework.items.map((i) => [i.key, i.descriptionEn])).toEqual([
      ['compliance_case_plan', 'The plan follows policy.'],
      ['better_represented', 'Documents are child-centred.'],
    ]);
    expect(judged.framework.grades.map((g) => g.key)).toEqual(['good', 'inadequate', 'outstanding']);
  });

  it('says what a domain or grade is missing, never renames a key, and keeps a framework worth the name', () => {
    expect(
      judgeFrameworkEdit({ items: [{ ...asTyped.items[0], labelCy: ' ', dimension: 'vibes' }, { key: 'made_up', labelEn: 'X' }], grades: asTyped.grades }, current),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'items.0.dimension', message: 'dimension.required' },
        { field: 'items.0.labelCy', message: 'labelCy.required' },
        { field: 'items.1.labelEn', message: 'domain.unknown' },
      ],
    });
    expect(judgeFrameworkEdit({ items: [...asTyped.items, { ...asTyped.items[1], key: '' }], grades: asTyped.grades }, current)).toEqual({
      ok: false,
      problems: [{ field: 'items.2.labelEn', message: 'labelEn.taken' }],
    });
    expect(judgeFrameworkEdit({ items: asTyped.items.map((i) => ({ ...i, remove: true })), grades: asTyped.grades }, current)).toEqual({
      ok: false,
      problems: [{ field: 'items', message: 'domains.none' }],
    });
    expect(judgeFrameworkEdit({ items: asTyped.items, grades: [asTyped.grades[0], { ...asTyped.grades[1], remove: true }] }, current)).toEqual({
      ok: false,
      problems: [{ field: 'grades', message: 'grades.tooFew' }],
    });
  });

  it('makes keys of plain letters and digits', () => {
    expect(frameworkKey('  Child’s voice – heard! ')).toBe('child_s_voice_heard');
    expect(frameworkKey('Llais y plentyn â')).toBe('llais_y_plentyn_a');
  });
});

describe('a review against a version of the framework', () => {
  const choices = { items: current.items, grades: current.grades, teams: [{ id: 'team' }], practitioners: [{ id: 'lucy', teamId: 'team' }], points: [{ id: 'point-1' }] };
  const review = {
    items: { compliance_case_plan: { grade: 'good', evidence: 'Seen.' }, outcome_heard: { grade: 'inadequate', evidence: 'Not seen.' } },
    overallGrade: 'good',
    teamId: 'team',
    practitionerId: 'lucy',
    pointId: 'point-1',
  };

  it('cannot grade a domain the framework does not have', () => {
    const judged = judgeManagementReview(managementReviewSchema.parse({ ...review, items: { ...review.items, outcome_safe: { grade: 'good', evidence: 'Safe.' } } }), choices);
    expect(judged).toEqual({ ok: false, problems: [{ field: 'items.outcome_safe.grade', message: 'grade.notInFramework' }] });
  });

  it('is about one of the complaint’s own points, or the case as a whole', () => {
    const judged = judgeManagementReview(managementReviewSchema.parse(review), choices);
    expect(judged.ok && judged.review.pointId).toBe('point-1');
    const whole = judgeManagementReview(managementReviewSchema.parse({ ...review, pointId: '' }), choices);
    expect(whole.ok && whole.review.pointId).toBeNull();
    expect(judgeManagementReview(managementReviewSchema.parse({ ...review, pointId: 'someone-elses' }), choices)).toEqual({ ok: false, problems: [{ field: 'pointId', message: 'point.invalid' }] });
  });
});
