import { z } from 'zod';
import { isIsoDate } from '../calendar/index';
import {
  AUDIENCES,
  CHANNELS,
  COMPLAINANT_ROLES,
  CONTACT_METHODS,
  FEEDBACK_KINDS,
  LANGUAGES,
  SUPPORT_NEEDS,
} from './vocabulary';

/**
 * What a new complaint must contain, however it arrived: the online forms (adult and child) and
 * staff logging a letter, email or phone call all validate against this one schema. Messages are
 * keys in the `validation` namespace, so every error reads the same in English and Welsh wherever
 * it is shown; the limits are exported so the words can say them ("in 5,000 characters or fewer").
 */
export const COMPLAINT_LIMITS = {
  fullName: 200,
  email: 254,
  phone: 30,
  postalAddress: 1000,
  postcode: 10,
  safeCallTimes: 200,
  supportNeedsOther: 500,
  onBehalfOfName: 200,
  onBehalfOfRelationship: 200,
  areaGiven: 200,
  courtCaseNumber: 30,
  practitionerNameGiven: 200,
  pointText: 5000,
  points: 20,
  desiredOutcome: 5000,
} as const;

/** Letters, digits, spaces and the punctuation people use in phone numbers. */
const PHONE = /^\+?[0-9 ()\-]{7,30}$/;
/** UK postcodes, loosely: the Royal Mail's exact rules change and a near miss is still deliverable. */
const POSTCODE = /^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$/;
/** Control characters other than tab and newlines have no place in what people write. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A required piece of text: trimmed, not empty, not too long, no control characters. */
export function requiredText(field: string, max: number) {
  return z
    .string({ error: `${field}.required` })
    .trim()
    .min(1, { error: `${field}.required` })
    .max(max, { error: `${field}.tooLong` })
    .refine((v) => !CONTROL.test(v), { error: `${field}.invalidCharacters` });
}

/** Optional text: empty becomes undefined. */
export function optionalText(field: string, max: number) {
  return z
    .string({ error: `${field}.invalid` })
    .trim()
    .max(max, { error: `${field}.tooLong` })
    .refine((v) => !CONTROL.test(v), { error: `${field}.invalidCharacters` })
    .optional()
    .transform((v) => (v === '' ? undefined : v));
}

export const complainantSchema = z
  .object({
    role: z.enum(COMPLAINANT_ROLES, { error: 'role.required' }),
    fullName: requiredText('fullName', COMPLAINT_LIMITS.fullName),
    email: optionalText('email', COMPLAINT_LIMITS.email).refine((v) => v === undefined || z.email().safeParse(v).success, {
      error: 'email.invalid',
    }),
    phone: optionalText('phone', COMPLAINT_LIMITS.phone).refine((v) => v === undefined || PHONE.test(v), { error: 'phone.invalid' }),
    postalAddress: optionalText('postalAddress', COMPLAINT_LIMITS.postalAddress),
    postcode: optionalText('postcode', COMPLAINT_LIMITS.postcode).refine((v) => v === undefined || POSTCODE.test(v), {
      error: 'postcode.invalid',
    }),
    preferredContact: z.enum(CONTACT_METHODS, { error: 'preferredContact.required' }),
    safeToLeaveVoicemail: z.boolean().optional(),
    safeToSendPost: z.boolean().optional(),
    safeCallTimes: optionalText('safeCallTimes', COMPLAINT_LIMITS.safeCallTimes),
    supportNeeds: z.array(z.enum(SUPPORT_NEEDS, { error: 'supportNeeds.invalid' })).max(SUPPORT_NEEDS.length).default([]),
    supportNeedsOther: optionalText('supportNeedsOther', COMPLAINT_LIMITS.supportNeedsOther),
    onBehalfOfName: optionalText('onBehalfOfName', COMPLAINT_LIMITS.onBehalfOfName),
    onBehalfOfRelationship: optionalText('onBehalfOfRelationship', COMPLAINT_LIMITS.onBehalfOfRelationship),
    onBehalfOfConsent: z.enum(['given', 'not_given', 'not_able'], { error: 'onBehalfOfConsent.required' }).optional(),
  })
  .superRefine((c, ctx) => {
    // We must be able to reach them the way they asked.
    if (c.preferredContact === 'email' && !c.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'email.requiredForContact' });
    if (c.preferredContact === 'phone' && !c.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'phone.requiredForContact' });
    if (c.preferredContact === 'post' && !c.postalAddress) {
      ctx.addIssue({ code: 'custom', path: ['postalAddress'], message: 'postalAddress.requiredForContact' });
    }
    if (c.supportNeeds.includes('other') && !c.supportNeedsOther) {
      ctx.addIssue({ code: 'custom', path: ['supportNeedsOther'], message: 'supportNeedsOther.required' });
    }
    // Complaining for someone else: whose complaint it is, and whether they agreed.
    if (c.role === 'helping_child' || c.role === 'professional') {
      if (!c.onBehalfOfName) ctx.addIssue({ code: 'custom', path: ['onBehalfOfName'], message: 'onBehalfOfName.required' });
      if (!c.onBehalfOfConsent) ctx.addIssue({ code: 'custom', path: ['onBehalfOfConsent'], message: 'onBehalfOfConsent.required' });
    }
  });

type ContactDetails = Pick<z.output<typeof complainantSchema>, 'fullName' | 'preferredContact'> & {
  [K in 'email' | 'phone' | 'postalAddress' | 'postcode' | 'safeCallTimes']?: string | null;
} & { [K in 'safeToLeaveVoicemail' | 'safeToSendPost']?: boolean | null };

/**
 * The complainant's name and ways of reaching them as they are kept, when the complaint is recorded
 * and when they are corrected later (so a correction compares like with like): what was not given is
 * null, and a postcode is in capitals.
 */
export function keptContactDetails(c: ContactDetails) {
  return {
    fullName: c.fullName,
    email: c.email ?? null,
    phone: c.phone ?? null,
    postalAddress: c.postalAddress ?? null,
    postcode: c.postcode ? c.postcode.toUpperCase() : null,
    preferredContact: c.preferredContact,
    safeToLeaveVoicemail: c.safeToLeaveVoicemail ?? null,
    safeToSendPost: c.safeToSendPost ?? null,
    safeCallTimes: c.safeCallTimes ?? null,
  };
}

export const complaintPointInputSchema = z.object({
  text: requiredText('pointText', COMPLAINT_LIMITS.pointText),
  happenedOn: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || isIsoDate(v), { error: 'happenedOn.invalid' })
    .transform((v) => (v === '' ? undefined : v)),
});

export const newComplaintSchema = z.object({
  kind: z.enum(FEEDBACK_KINDS, { error: 'kind.required' }).default('complaint'),
  channel: z.enum(CHANNELS, { error: 'channel.required' }),
  audience: z.enum(AUDIENCES, { error: 'audience.required' }),
  language: z.enum(LANGUAGES, { error: 'language.required' }),
  complainant: complainantSchema,
  /** Null when the complainant does not know; the complaint then waits to be routed. */
  serviceAreaId: z.uuid({ error: 'serviceArea.invalid' }).nullable().optional(),
  areaGiven: optionalText('areaGiven', COMPLAINT_LIMITS.areaGiven),
  courtCaseNumber: optionalText('courtCaseNumber', COMPLAINT_LIMITS.courtCaseNumber),
  practitionerNameGiven: optionalText('practitionerNameGiven', COMPLAINT_LIMITS.practitionerNameGiven),
  points: z
    .array(complaintPointInputSchema, { error: 'points.required' })
    .min(1, { error: 'points.required' })
    .max(COMPLAINT_LIMITS.points, { error: 'points.tooMany' }),
  desiredOutcome: optionalText('desiredOutcome', COMPLAINT_LIMITS.desiredOutcome),
  /** Online submissions must accept the privacy notice; staff logging records it was explained. */
  privacyAccepted: z.literal(true, { error: 'privacy.required' }),
});

export type NewComplaintInput = z.input<typeof newComplaintSchema>;
export type NewComplaint = z.output<typeof newComplaintSchema>;

/** A zod issue as the interface needs it: which field (a dotted path) and which message key. */
export type FieldProblem = { field: string; message: string };

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: /^[a-zA-Z]+\.[a-zA-Z]+$/.test(issue.message) ? issue.message : `${String(issue.path[issue.path.length - 1] ?? 'form')}.invalid`,
  }));
}
