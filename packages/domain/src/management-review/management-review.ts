import { z } from 'zod';
import { optionalText, requiredText } from '../complaint/complaint-input';

/**
 * A management review of a case: when a complaint questions the quality of the work with a
 * family, the manager grades that work against the organisation's quality framework (compliance
 * with policy and the outcomes for the child), item by item with the evidence for each grade, says
 * what was done well and what fell short, and gives an overall grade. The review is linked to the
 * team and, where one is named, the practitioner, so it counts towards their performance.
 *
 * The framework and the grades are data the organisation can change; a review keeps the items,
 * words and grades it was made with, so it reads the same after the framework moves on.
 */

export const MANAGEMENT_REVIEW_LIMITS = { evidence: 3000, goodPractice: 5000, failings: 5000 } as const;

export type QualityFrameworkItem = {
  key: string;
  dimension: 'compliance' | 'outcome';
  labelEn: string;
  labelCy: string;
  descriptionEn: string;
  descriptionCy: string;
};

export type QualityGrade = { key: string; labelEn: string; labelCy: string };

/** One item of the framework as the review graded it. */
export type ReviewedItem = QualityFrameworkItem & { grade: string; evidence: string };

/** What a review keeps of the framework it used. */
export type ReviewFramework = { items: ReviewedItem[]; grades: QualityGrade[] };

export const managementReviewSchema = z.object({
  /** By framework item key: the grade chosen and the evidence for it. */
  items: z.record(z.string(), z.object({ grade: z.string().trim().optional(), evidence: z.string().optional() })).default({}),
  overallGrade: z.string().trim().optional(),
  goodPractice: optionalText('goodPractice', MANAGEMENT_REVIEW_LIMITS.goodPractice),
  failings: optionalText('failings', MANAGEMENT_REVIEW_LIMITS.failings),
  teamId: z.string().trim().optional(),
  practitionerId: z.string().trim().optional(),
  /** The point of the complaint the review answers, when it is about one. */
  pointId: z.string().trim().optional(),
});
export type ManagementReviewInput = z.output<typeof managementReviewSchema>;

export type ManagementReviewChoices = {
  /** The framework's items in use now, in order. */
  items: readonly QualityFrameworkItem[];
  grades: readonly QualityGrade[];
  /** The teams and practitioners the review may be linked to. */
  teams: ReadonlyArray<{ id: string }>;
  practitioners: ReadonlyArray<{ id: string; teamId: string }>;
  /** The complaint's points the review may be about. */
  points?: ReadonlyArray<{ id: string }>;
};

export type JudgedManagementReview =
  | {
      ok: true;
      review: {
        framework: ReviewFramework;
        /** Framework item key → grade key, for counting. */
        grades: Record<string, string>;
        overallGrade: string;
        goodPractice: string | null;
        failings: string | null;
        teamId: string;
        practitionerId: string | null;
        pointId: string | null;
      };
    }
  | { ok: false; problems: Array<{ field: string; message: string }> };

const evidenceText = requiredText('evidence', MANAGEMENT_REVIEW_LIMITS.evidence);

/** Checks a review against the framework and the choices offered, every problem at once. */
export function judgeManagementReview(input: ManagementReviewInput, choices: ManagementReviewChoices): JudgedManagementReview {
  const problems: Array<{ field: string; message: string }> = [];
  const gradeKeys = new Set(choices.grades.map((g) => g.key));
  const items: ReviewedItem[] = [];
  for (const item of choices.items) {
    const entered = input.items[item.key] ?? {};
    const grade = entered.grade ?? '';
    if (!gradeKeys.has(grade)) problems.push({ field: `items.${item.key}.grade`, message: 'grade.required' });
    const evidence = evidenceText.safeParse(entered.evidence ?? '');
    if (!evidence.success) problems.push({ field: `items.${item.key}.evidence`, message: evidence.error.issues[0]?.message ?? 'evidence.required' });
    items.push({ ...item, grade, evidence: evidence.success ? evidence.data : '' });
  }
  // A grade for a domain the framework does not have is refused, not quietly dropped.
  const known = new Set(choices.items.map((i) => i.key));
  for (const key of Object.keys(input.items)) if (!known.has(key)) problems.push({ field: `items.${key}.grade`, message: 'grade.notInFramework' });
  const overallGrade = input.overallGrade ?? '';
  if (!gradeKeys.has(overallGrade)) problems.push({ field: 'overallGrade', message: 'overallGrade.required' });

  const teamId = input.teamId ?? '';
  if (teamId === '') problems.push({ field: 'teamId', message: 'team.required' });
  else if (!choices.teams.some((t) => t.id === teamId)) problems.push({ field: 'teamId', message: 'team.invalid' });
  const practitionerId = input.practitionerId ? input.practitionerId : null;
  if (practitionerId !== null) {
    const practitioner = choices.practitioners.find((p) => p.id === practitionerId);
    if (!practitioner) problems.push({ field: 'practitionerId', message: 'practitioner.invalid' });
    // Their work counts towards their own team's performance, so the two must agree.
    else if (teamId !== '' && practitioner.teamId !== teamId) problems.push({ field: 'practitionerId', message: 'practitioner.notInTeam' });
  }

  const pointId = input.pointId ? input.pointId : null;
  if (pointId !== null && !(choices.points ?? []).some((p) => p.id === pointId)) problems.push({ field: 'pointId', message: 'point.invalid' });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    review: {
      framework: { items, grades: choices.grades.map((g) => ({ key: g.key, labelEn: g.labelEn, labelCy: g.labelCy })) },
      grades: Object.fromEntries(items.map((i) => [i.key, i.grade])),
      overallGrade,
      goodPractice: input.goodPractice ?? null,
      failings: input.failings ?? null,
      teamId,
      practitionerId,
      pointId,
    },
  };
}
