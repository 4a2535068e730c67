import { z } from 'zod';
import { compareIsoDate, type IsoDate, isIsoDate } from '../calendar/index';
import { optionalText, requiredText } from '../complaint/complaint-input';
import type { FieldProblem } from '../complaint/complaint-input';

/**
 * The learning log: what the organisation learnt from a complaint, at the level it applies to (a
 * team, a service area, a business area, or the whole organisation), with an action, who owns it,
 * when it is due and how it ended. National learning may be published to all staff in a short
 * bulletin, in wording written for it.
 */

export const LEARNING_LEVELS = ['team', 'service_area', 'business_area', 'national'] as const;
export type LearningLevel = (typeof LEARNING_LEVELS)[number];

export const LEARNING_STATUSES = ['open', 'in_progress', 'done', 'not_taken_forward'] as const;
export type LearningStatus = (typeof LEARNING_STATUSES)[number];

/** Statuses in which the action is still to be done: the ones that can be overdue. */
export const OUTSTANDING_STATUSES: readonly LearningStatus[] = ['open', 'in_progress'];

/**
 * Where a learning point came from, by kind, with the id of the thing it came from. Kept generic
 * (a kind and an id) so a new source, such as one recommendation of the Ombudsman, is one more
 * kind rather than a new column.
 */
export const LEARNING_SOURCE_KINDS = ['complaint', 'management_review', 'ombudsman_referral', 'ombudsman_recommendation'] as const;
export type LearningSourceKind = (typeof LEARNING_SOURCE_KINDS)[number];

export const LEARNING_LIMITS = { learnt: 3000, action: 2000, evidence: 3000, reason: 2000, note: 2000, bulletinWording: 1500 } as const;

/** The areas a learning point may name; at each level exactly the matching one is needed. */
export type LearningAreas = { teamId: string | null; serviceAreaId: string | null; businessAreaId: string | null };

/** Which area each level needs: a team's learning names the team, and so on; national learning names none. */
export const LEVEL_AREA: Record<LearningLevel, keyof LearningAreas | null> = {
  team: 'teamId',
  service_area: 'serviceAreaId',
  business_area: 'businessAreaId',
  national: null,
};

/**
 * Whether a level has the area it needs. The problem is reported at the area's own field, so the
 * form shows it where the area is chosen.
 */
export function checkLearningLevel(level: LearningLevel, areas: LearningAreas): FieldProblem[] {
  const needed = LEVEL_AREA[level];
  if (needed === null) return [];
  return areas[needed] ? [] : [{ field: needed, message: `${needed.replace(/Id$/, '')}.required` }];
}

const isoDate = z.string({ error: 'dueOn.required' }).trim().min(1, { error: 'dueOn.required' }).refine(isIsoDate, { error: 'dueOn.invalid' });
const choice = z.string().trim().optional().transform((v) => (v === '' || v === undefined ? null : v));

/** What is sent to raise a learning point from a complaint. */
export const raiseLearningSchema = z.object({
  /** `complaint`, or `management_review:<id>` / `ombudsman_referral:<id>` / `ombudsman_recommendation:<id>` of this complaint. */
  source: z.string({ error: 'source.required' }).trim().min(1, { error: 'source.required' }),
  level: z.enum(LEARNING_LEVELS, { error: 'level.required' }),
  teamId: choice,
  serviceAreaId: choice,
  businessAreaId: choice,
  learnt: requiredText('learnt', LEARNING_LIMITS.learnt),
  action: requiredText('action', LEARNING_LIMITS.action),
  ownerId: z.string({ error: 'owner.required' }).trim().min(1, { error: 'owner.required' }),
  dueOn: isoDate,
});
export type RaiseLearningInput = z.output<typeof raiseLearningSchema>;

/** The kinds of source that are one thing of the complaint, named by its id (the complaint itself is not). */
const SOURCE_KINDS_WITH_ID: readonly LearningSourceKind[] = LEARNING_SOURCE_KINDS.filter((k) => k !== 'complaint');

/** A source as the raise form sends it, read back into its kind and id. */
export function readLearningSource(value: string, complaintId: string): { kind: LearningSourceKind; id: string } | null {
  if (value === 'complaint') return { kind: 'complaint', id: complaintId };
  const [kind, id] = value.split(':');
  if (SOURCE_KINDS_WITH_ID.includes(kind as LearningSourceKind) && id) return { kind: kind as LearningSourceKind, id };
  return null;
}

/** How the raise form names a source: `complaint`, or the kind and the id of one thing of the complaint. */
export function learningSourceValue(kind: LearningSourceKind, id: string): string {
  return kind === 'complaint' ? 'complaint' : `${kind}:${id}`;
}

/** The due date of a new action: a real day, from today on. */
export function checkDueOn(dueOn: IsoDate, today: IsoDate): FieldProblem[] {
  return compareIsoDate(dueOn, today) < 0 ? [{ field: 'dueOn', message: 'dueOn.past' }] : [];
}

/** What is sent to change a learning point's status. */
export const updateLearningSchema = z.object({
  status: z.enum(LEARNING_STATUSES, { error: 'status.required' }),
  /** What shows the action was done: required to close it as done. */
  evidence: optionalText('evidence', LEARNING_LIMITS.evidence),
  /** Why it is not taken forward: required to close it so. */
  reason: optionalText('reason', LEARNING_LIMITS.reason),
  /** Progress, in a few words, when work starts. */
  note: optionalText('note', LEARNING_LIMITS.note),
});
export type UpdateLearningInput = z.output<typeof updateLearningSchema>;

/**
 * Whether a learning point may go from one status to another with what was given. Done needs its
 * evidence and "not taken forward" its reason; both are final, so what was done (or why not)
 * stays as it was recorded. Every problem at once.
 */
export function checkLearningUpdate(from: LearningStatus, input: UpdateLearningInput): FieldProblem[] {
  if (!OUTSTANDING_STATUSES.includes(from)) return [{ field: 'status', message: 'status.closed' }];
  if (input.status === from) return [{ field: 'status', message: 'status.unchanged' }];
  const problems: FieldProblem[] = [];
  if (input.status === 'done' && !input.evidence) problems.push({ field: 'evidence', message: 'evidence.required' });
  if (input.status === 'not_taken_forward' && !input.reason) problems.push({ field: 'reason', message: 'reason.required' });
  return problems;
}

/** An action is overdue once its due day has passed while it is still to be done. */
export function isLearningOverdue(point: { status: LearningStatus; dueOn: IsoDate }, today: IsoDate): boolean {
  return OUTSTANDING_STATUSES.includes(point.status) && compareIsoDate(point.dueOn, today) < 0;
}

/** How a learning log may be narrowed and ordered: each a link or a GET form field. */
export const LEARNING_STATUS_FILTERS = ['outstanding', 'overdue', 'all', ...LEARNING_STATUSES] as const;
export type LearningStatusFilter = (typeof LEARNING_STATUS_FILTERS)[number];
export const LEARNING_SORTS = ['due', 'raised', 'status'] as const;
export type LearningSort = (typeof LEARNING_SORTS)[number];

export const learningLogQuerySchema = z.object({
  status: z.enum(LEARNING_STATUS_FILTERS).catch('outstanding'),
  sort: z.enum(LEARNING_SORTS).catch('due'),
  direction: z.enum(['asc', 'desc']).catch('asc'),
  /** One area of the level, for those who may see more than one. */
  area: z.string().trim().optional().catch(undefined).transform((v) => (v ? v : null)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type LearningLogQuery = z.output<typeof learningLogQuerySchema>;

export const LEARNING_PAGE_SIZE = 25;

/** What is sent to publish national learning in the staff bulletin. */
export const publishLearningSchema = z.object({
  bulletinWording: requiredText('bulletinWording', LEARNING_LIMITS.bulletinWording),
});

/**
 * The names a bulletin's wording must not carry: the people of the complaint it came from (the
 * complainant, the practitioner, the staff who worked on it). A full name, or a surname, as a word
 * of its own in any case. The bulletin is read by all staff, so it says what was learnt without
 * saying about whom.
 */
export function namesInWording(wording: string, people: ReadonlyArray<string | null | undefined>): string[] {
  // Apostrophes separate words, so a possessive ("Bell's") is still the name, and a name such as
  // O'Brien is compared in the same pieces.
  const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  const text = ` ${words(wording).join(' ')} `;
  const found: string[] = [];
  for (const person of people) {
    const parts = words(person ?? '');
    if (parts.length === 0) continue;
    const surname = parts[parts.length - 1]!;
    const candidates = [parts.join(' '), ...(surname.length >= 3 ? [surname] : [])];
    if (candidates.some((c) => text.includes(` ${c} `))) found.push(person!.trim());
  }
  return found;
}
