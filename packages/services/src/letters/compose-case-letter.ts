import { organisation } from '@complaints/content';
import { addDays, type Audience, type IsoDate, type Language, type LetterKind, type Nation, type PointDecision, type Stage, type TriageOutcome } from '@complaints/domain';
import type { PointAnswerInput } from '@complaints/db';
import type { DocumentSource } from '@complaints/documents';
import { translator } from '@complaints/i18n/server';
import { dateInWords } from './letter-dates';
import { composeLetter, type TemplateValues } from './letter-template';

/**
 * Every letter about a complaint, from the organisation's current template for its kind, in the
 * complainant's language and wording. One set of facts feeds every kind: a template uses what it
 * needs, and a line whose value is missing is left out (a manager with no phone number).
 *
 * What a template may use is listed here once (LETTER_VALUES, LETTER_SECTIONS, LETTER_LISTS); the
 * template format itself is described in content/letters/README.md.
 */

export type CaseLetterPoint = {
  position: number;
  text: string;
  triage: TriageOutcome | null;
  triageReason: string | null;
  courtRoute: string | null;
  answer: PointAnswerInput | null;
};

export type CaseLetterFacts = {
  kind: LetterKind;
  reference: string;
  language: Language;
  audience: Audience;
  stage: Stage;
  /** The day the letter is written. */
  writtenOn: IsoDate;
  /** The day the complaint (or, at stage 2, the request for a review) reached us. */
  receivedOn: IsoDate;
  /** The next response owed, when one is. */
  responseDueOn: IsoDate | null;
  complainant: { fullName: string; postalAddress: string | null; postcode: string | null };
  manager: { fullName: string; email: string | null; phone: string | null; postalAddress: string | null } | null;
  points: readonly CaseLetterPoint[];
  actions: ReadonlyArray<{ description: string; ownerName: string; dueOn: IsoDate }>;
  /** The writer's own words: an opening to a response, the news in a holding letter. */
  message: string | null;
  extension: { previousDueOn: IsoDate; newDueOn: IsoDate; reason: string } | null;
  /** The nation of the service area: it decides which Ombudsman a complainant may go to. */
  nation: Nation;
  /** Working days a stage 2 review takes, from the settings. */
  stageTwoResponseDays: number;
  delivery: 'email' | 'post';
};

/** Every value a letter template may use. */
export const LETTER_VALUES = [
  'reference',
  'letterDate',
  'complainantName',
  'receivedDate',
  'responseDueDate',
  'managerName',
  'managerPhone',
  'managerEmail',
  'managerAddress',
  'organisationName',
  'organisationPhone',
  'organisationEmail',
  'organisationAddress',
  'message',
  'previousDueDate',
  'newDueDate',
  'extensionReason',
  'stageTwoResponseDays',
  'ombudsmanName',
  'ombudsmanPhone',
  'ombudsmanWebsite',
] as const;

/** The `[[if …]]` parts a template may have, and when each applies. */
export const LETTER_SECTIONS = ['courtMatters', 'trackingCode', 'message', 'actions', 'stageOne', 'stageTwo', 'extension'] as const;

/** The `[[each …]]` lists, with the values each item has. */
export const LETTER_LISTS = {
  courtMatters: ['number', 'excerpt', 'reason', 'courtRoute'],
  points: ['number', 'excerpt', 'pointText', 'decision', 'reasons', 'whatShouldHaveHappened', 'whatHappened', 'standard', 'remedy', 'courtRoute'],
  actions: ['description', 'owner', 'dueDate'],
} as const;

/** The start of a point, for a letter to name it by: whole words, about 100 characters. */
export function pointExcerpt(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The decision on a point in the letter's words: "We uphold this part of your complaint", or for a child "We agree with you". */
export function decisionInWords(decision: PointDecision, language: Language, audience: Audience): string {
  return translator(language, 'letters')(`decisions.${decision}`, { context: audience === 'child' ? 'child' : undefined });
}

export function composeCaseLetter(template: { subject: string; body: string }, facts: CaseLetterFacts): { subject: string; document: DocumentSource } {
  const { language, audience } = facts;
  const date = (d: IsoDate | null | undefined, weekday = false) => (d ? dateInWords(d, language, weekday ? { weekday: true } : {}) : null);
  const ombudsman = organisation.ombudsman[facts.nation === 'wales' ? 'psow' : 'phso'];
  const address =
    facts.delivery === 'post'
      ? [facts.complainant.fullName, ...(facts.complainant.postalAddress ?? '').split(/\r?\n/), facts.complainant.postcode ?? '']
          .map((l) => l.trim())
          .filter((l) => l !== '')
      : null;
  const courtMatters = facts.points.filter((p) => p.triage === 'court');
  const values: Record<(typeof LETTER_VALUES)[number], string | null> = {
    reference: facts.reference,
    letterDate: date(facts.writtenOn),
    complainantName: facts.complainant.fullName,
    receivedDate: date(facts.receivedOn),
    responseDueDate: date(facts.responseDueOn, true),
    managerName: facts.manager?.fullName ?? null,
    managerPhone: facts.manager?.phone ?? null,
    managerEmail: facts.manager?.email ?? null,
    managerAddress: facts.manager?.postalAddress ?? null,
    organisationName: organisation.name[language],
    organisationPhone: organisation.contact.phone,
    organisationEmail: organisation.contact.email,
    organisationAddress: organisation.contact.postalAddress,
    message: facts.message,
    previousDueDate: date(facts.extension?.previousDueOn, true),
    newDueDate: date(facts.extension?.newDueOn, true),
    extensionReason: facts.extension?.reason ?? null,
    stageTwoResponseDays: String(facts.stageTwoResponseDays),
    ombudsmanName: ombudsman.name[language],
    ombudsmanPhone: ombudsman.phone,
    ombudsmanWebsite: ombudsman.website,
  };
  const sections = [
    ...(courtMatters.length > 0 ? ['courtMatters'] : []),
    ...(facts.delivery === 'post' ? ['trackingCode'] : []),
    ...(facts.message?.trim() ? ['message'] : []),
    ...(facts.actions.length > 0 ? ['actions'] : []),
    facts.stage === 1 ? 'stageOne' : 'stageTwo',
    ...(facts.extension ? ['extension'] : []),
  ];
  const lists: Record<keyof typeof LETTER_LISTS, TemplateValues[]> = {
    courtMatters: courtMatters.map((p) => ({ number: String(p.position), excerpt: pointExcerpt(p.text), reason: p.triageReason ?? '', courtRoute: p.courtRoute ?? '' })),
    points: facts.points.map((p) => ({
      number: String(p.position),
      excerpt: pointExcerpt(p.text),
      pointText: p.text,
      decision: p.answer ? decisionInWords(p.answer.decision, language, audience) : null,
      reasons: p.answer?.reasons ?? null,
      whatShouldHaveHappened: p.answer?.whatShouldHaveHappened ?? null,
      whatHappened: p.answer?.whatHappened ?? null,
      standard: p.answer?.standardCited ?? null,
      remedy: p.answer?.remedy ?? null,
      courtRoute: p.answer?.decision === 'court_matter' ? (p.courtRoute ?? null) : null,
    })),
    actions: facts.actions.map((a) => ({ description: a.description, owner: a.ownerName, dueDate: date(a.dueOn) })),
  };
  const { subject, blocks } = composeLetter(template, { values, sections, lists, address });
  return {
    subject,
    document: { title: subject, language, audience, organisationName: organisation.name[language], blocks, footer: facts.reference },
  };
}

/** Facts for a letter that could be about any complaint: to check a template and to preview it. */
export function sampleLetterFacts(kind: LetterKind, language: Language, audience: Audience, writtenOn: IsoDate): CaseLetterFacts {
  const t = translator(language, 'letters');
  const sample = (key: string) => t(`sample.${key}`, { context: audience === 'child' ? 'child' : undefined });
  const stage: Stage = kind === 'stage_2_acknowledgement' || kind === 'stage_2_response' ? 2 : 1;
  return {
    kind,
    reference: 'CMP-7K3P-QD9X',
    language,
    audience,
    stage,
    writtenOn,
    // Dates a real letter would have, so a preview reads as one: received yesterday, due in four weeks.
    receivedOn: addDays(writtenOn, -1),
    responseDueOn: addDays(writtenOn, 28),
    complainant: { fullName: sample('complainantName'), postalAddress: '1 Example Street\nCoventry', postcode: 'CV1 1AA' },
    manager: { fullName: sample('managerName'), email: 'manager@example.org', phone: '0300 123 4567', postalAddress: organisation.contact.postalAddress },
    points: [
      {
        position: 1,
        text: sample('pointOne'),
        triage: 'organisation',
        triageReason: null,
        courtRoute: null,
        answer: { decision: 'upheld', reasons: sample('reasons'), whatShouldHaveHappened: sample('shouldHave'), whatHappened: sample('did'), standardCited: sample('standard'), remedy: sample('remedy') },
      },
      {
        position: 2,
        text: sample('pointTwo'),
        triage: 'court',
        triageReason: sample('courtReason'),
        courtRoute: sample('courtRoute'),
        answer: { decision: 'court_matter', reasons: sample('courtReason'), whatShouldHaveHappened: null, whatHappened: null, standardCited: null, remedy: null },
      },
    ],
    actions: [{ description: sample('action'), ownerName: sample('managerName'), dueOn: addDays(writtenOn, 14) }],
    message: sample('message'),
    extension: { previousDueOn: addDays(writtenOn, 7), newDueOn: addDays(writtenOn, 28), reason: sample('extensionReason') },
    nation: 'england',
    stageTwoResponseDays: 20,
    delivery: 'post',
  };
}
