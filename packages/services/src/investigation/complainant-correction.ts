import type { ComplainantDetailChanges, CorrectableComplainant } from '@complaints/db';
import { complainantSchema, type FieldProblem, fieldProblems, keptContactDetails, LANGUAGES, requiredText, SUPPORT_NEEDS } from '@complaints/domain';
import { z } from 'zod';

/**
 * What staff may correct of the person who got in touch once the complaint is logged, checked by
 * the complaint form's own rules (`complainantSchema`), and how a correction is worked out: which
 * fields changed, from what to what. Who they are (their role, and whom they complain for) is not
 * corrected here: that changes what the complaint is, not how to reach them.
 */

export const CORRECTABLE_FIELDS = [
  'fullName',
  'email',
  'phone',
  'postalAddress',
  'postcode',
  'preferredContact',
  'safeToLeaveVoicemail',
  'safeToSendPost',
  'safeCallTimes',
  'language',
  'supportNeeds',
  'supportNeedsOther',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const CORRECTION_LIMITS = { reason: 2000 } as const;

const form = complainantSchema.shape;

export const correctionInputSchema = z.object({
  fullName: form.fullName,
  email: form.email,
  phone: form.phone,
  postalAddress: form.postalAddress,
  postcode: form.postcode,
  preferredContact: form.preferredContact,
  safeToLeaveVoicemail: form.safeToLeaveVoicemail,
  safeToSendPost: form.safeToSendPost,
  safeCallTimes: form.safeCallTimes,
  language: z.enum(LANGUAGES, { error: 'language.required' }),
  supportNeeds: form.supportNeeds,
  supportNeedsOther: form.supportNeedsOther,
  reason: requiredText('reason', CORRECTION_LIMITS.reason),
});
export type CorrectionInput = z.output<typeof correctionInputSchema>;

export type FieldChange = { field: CorrectableField; from: string | null; to: string | null };

export type CorrectionPlan =
  | { ok: true; details: ComplainantDetailChanges; changes: FieldChange[] }
  | { ok: false; refusal: 'anonymised' | 'nothing_changed' }
  | { ok: false; problems: FieldProblem[] };

type Details = Required<ComplainantDetailChanges>;

/** The details as they are kept: contact details as when the complaint was recorded, support needs in the list's order. */
function asKept(c: Omit<CorrectionInput, 'reason'> | CorrectableComplainant): Details {
  const needs = SUPPORT_NEEDS.filter((n) => (c.supportNeeds as readonly string[]).includes(n));
  return {
    ...keptContactDetails(c),
    language: c.language,
    supportNeeds: needs,
    // Words for "other help" mean nothing once "other" is no longer ticked.
    supportNeedsOther: needs.includes('other') ? (c.supportNeedsOther ?? null) : null,
  };
}

/** A value as the correction record keeps it: text, yes or no, or the support needs' keys. */
function asRecorded(field: CorrectableField, details: Details): string | null {
  const value = details[field];
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length > 0 ? value.join(',') : null;
  return String(value);
}

/**
 * The correction to make, or why there is none: their details were removed under retention (no
 * correcting what is gone), the corrected details break the complaint form's rules (the whole
 * person checked, so a preferred way of contact still has its address or number), or nothing
 * actually changed.
 */
export function planCorrection(current: CorrectableComplainant, corrected: Omit<CorrectionInput, 'reason'>): CorrectionPlan {
  if (current.anonymisedAt !== null) return { ok: false, refusal: 'anonymised' };
  const whole = complainantSchema.safeParse({
    role: current.role,
    onBehalfOfName: current.onBehalfOfName ?? undefined,
    onBehalfOfRelationship: current.onBehalfOfRelationship ?? undefined,
    onBehalfOfConsent: current.onBehalfOfConsent ?? undefined,
    ...corrected,
  });
  if (!whole.success) {
    // Only what can be put right on this page: who they complain for is not corrected here.
    const problems = fieldProblems(whole.error).filter((p) => (CORRECTABLE_FIELDS as readonly string[]).includes(p.field));
    if (problems.length > 0) return { ok: false, problems };
  }
  const before = asKept(current);
  const after = asKept(corrected);
  const changes = CORRECTABLE_FIELDS.map((field) => ({ field, from: asRecorded(field, before), to: asRecorded(field, after) })).filter((c) => c.from !== c.to);
  if (changes.length === 0) return { ok: false, refusal: 'nothing_changed' };
  const details: ComplainantDetailChanges = {};
  for (const { field } of changes) Object.assign(details, { [field]: after[field] });
  return { ok: true, details, changes };
}
