import type { NewComplaintInput } from '../complaint/complaint-input';
import type { ComplainantRole, ContactMethod, Language, SupportNeed } from '../complaint/vocabulary';
import type { Answers, FieldDefinition, FlowDefinition } from './form-definition';
import { shownPages } from './navigation';
import { isShown } from './page-answers';

/**
 * The answers that count: those of the pages and fields asked now, and of the follow-up fields of
 * the choices made. An answer left behind by a changed choice never reaches the complaint.
 */
export function effectiveAnswers(flow: FlowDefinition, answers: Answers): Answers {
  const result: Answers = {};
  const take = (field: FieldDefinition) => {
    if (!isShown(field, answers) || answers[field.name] === undefined) return;
    result[field.name] = answers[field.name];
    if (field.kind === 'radios' || field.kind === 'checkboxes') {
      const chosen = ([] as unknown[]).concat(answers[field.name]);
      for (const option of field.options) if (chosen.includes(option.value)) option.reveals?.forEach(take);
    }
  };
  for (const page of shownPages(flow, answers)) page.fields.forEach(take);
  return result;
}

/** A complaint as the answers give it; `newComplaintSchema` decides whether it is complete. */
export type ComplaintFromAnswers = Omit<NewComplaintInput, 'privacyAccepted' | 'complainant'> & {
  privacyAccepted: boolean;
  complainant: Omit<NewComplaintInput['complainant'], 'fullName'> & { fullName: string | undefined };
};

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const yesNo = (v: unknown) => (v === 'yes' ? true : v === 'no' ? false : undefined);

/**
 * The complaint the answers make, ready for `newComplaintSchema`. A child who says someone is
 * helping them is recorded as getting other help (in words the caller gives, in the complaint's
 * language); one who would like help, as asking for an advocate.
 */
export function complaintFromAnswers(
  flow: FlowDefinition,
  answers: Answers,
  options: { pageLanguage: Language; helpingNote: (helpingName: string | undefined) => string },
): ComplaintFromAnswers {
  const a = effectiveAnswers(flow, answers);
  let supportNeeds = (Array.isArray(a.supportNeeds) ? a.supportNeeds : []) as SupportNeed[];
  let supportNeedsOther = text(a.supportNeedsOther);
  if (flow.id === 'child') {
    if (a.someoneHelping === 'yes') {
      supportNeeds = ['other'];
      supportNeedsOther = options.helpingNote(text(a.helpingName));
    } else if (a.someoneHelping === 'would_like') {
      supportNeeds = ['advocate'];
    }
  }
  const points = Array.isArray(a.points) ? (a.points as Array<{ text: string; happenedOn?: string }>) : [];
  return {
    kind: 'complaint',
    channel: 'online',
    audience: flow.audience,
    language: (a.language === 'cy' || a.language === 'en' ? a.language : options.pageLanguage) as Language,
    complainant: {
      role: (flow.id === 'child' ? 'child' : a.role) as ComplainantRole,
      fullName: text(a.fullName),
      email: text(a.email),
      phone: text(a.phone),
      postalAddress: text(a.postalAddress),
      postcode: text(a.postcode),
      preferredContact: a.preferredContact as ContactMethod,
      safeToLeaveVoicemail: yesNo(a.safeToLeaveVoicemail),
      safeToSendPost: yesNo(a.safeToSendPost),
      safeCallTimes: text(a.safeCallTimes),
      supportNeeds,
      supportNeedsOther,
      onBehalfOfName: text(a.onBehalfOfName),
      onBehalfOfRelationship: text(a.onBehalfOfRelationship),
      onBehalfOfConsent: a.onBehalfOfConsent as 'given' | 'not_given' | 'not_able' | undefined,
    },
    serviceAreaId: typeof a.serviceAreaId === 'string' && a.serviceAreaId !== 'unknown' ? a.serviceAreaId : null,
    areaGiven: text(a.areaGiven),
    courtCaseNumber: text(a.courtCaseNumber),
    practitionerNameGiven: text(a.practitionerNameGiven),
    points: points.map((p) => (p.happenedOn ? { text: p.text, happenedOn: p.happenedOn } : { text: p.text })),
    desiredOutcome: text(a.desiredOutcome),
    privacyAccepted: a.privacyAccepted === true,
  };
}
