import { organisation } from '@complaints/content';
import { type DocumentSource, renderHtmlDocument, renderPlainText } from '@complaints/documents';
import { bilingualStaffEmail, type WrittenEmail } from '../emails/staff-email';
import { trackingWords } from './tracking-words';

type Written = WrittenEmail;

function written(source: DocumentSource): Written {
  return { subject: source.title, text: renderPlainText(source), html: renderHtmlDocument(source) };
}

/**
 * The email with the code that opens the tracking page. It names the reference and nothing else
 * about the complaint, and says what to do if the person did not ask for it (someone else may
 * know their reference).
 */
export function trackingCodeEmail(facts: { reference: string; code: string; language: 'en' | 'cy'; audience: 'adult' | 'child'; minutes: number }): Written {
  const w = trackingWords(facts.language, facts.audience);
  return written({
    title: w('codeEmail.subject'),
    language: facts.language,
    audience: facts.audience,
    organisationName: organisation.name[facts.language],
    blocks: [
      { kind: 'heading', level: 1, text: w('codeEmail.heading') },
      { kind: 'paragraph', text: w('codeEmail.intro', { reference: facts.reference }) },
      { kind: 'reference', label: w('codeEmail.codeLabel'), value: facts.code },
      { kind: 'paragraph', text: w('codeEmail.expires', { minutes: facts.minutes }) },
      { kind: 'paragraph', text: w('codeEmail.notYou') },
      { kind: 'paragraph', style: 'small', text: w('codeEmail.safety') },
    ],
  });
}

/** After closure: would they tell us how the handling felt? Once, with where to answer. */
export function surveyInvitationEmail(facts: { reference: string; language: 'en' | 'cy'; audience: 'adult' | 'child'; trackUrl: string }): Written {
  const w = trackingWords(facts.language, facts.audience);
  return written({
    title: w('surveyEmail.subject', { reference: facts.reference }),
    language: facts.language,
    audience: facts.audience,
    organisationName: organisation.name[facts.language],
    blocks: [
      { kind: 'heading', level: 1, text: w('surveyEmail.heading') },
      { kind: 'paragraph', text: w('surveyEmail.intro', { reference: facts.reference }) },
      { kind: 'paragraph', text: w('surveyEmail.how', { url: facts.trackUrl }) },
      { kind: 'paragraph', text: w('surveyEmail.optional') },
      { kind: 'paragraph', style: 'small', text: w('codeEmail.safety') },
    ],
  });
}

/** What the complainant did from their tracking page that whoever deals with the complaint must know of at once. */
export type ComplainantAction = 'information' | 'review' | 'withdrawn';

/**
 * Tells the manager (or whoever looks after the complaint) at once what the complainant did
 * online: the reference, what kind of thing, and a link, never what they wrote, since email leaves
 * our systems. In English and Welsh, as we do not know which the member of staff reads.
 */
export function caseholderNotice(facts: { action: ComplainantAction; reference: string; files: number; newPoints: number; caseUrl: string }): Written {
  return bilingualStaffEmail('tracking', { key: `staffNotice.${facts.action}.subject`, values: { reference: facts.reference } }, (t, _language, level) => [
    { kind: 'heading', level, text: t(`staffNotice.${facts.action}.heading`) },
    { kind: 'paragraph', text: t(`staffNotice.${facts.action}.intro`, { reference: facts.reference }) },
    ...(facts.action === 'information' ? [{ kind: 'paragraph' as const, text: t('staffNotice.files', { count: facts.files }) }] : []),
    { kind: 'paragraph', text: t('staffNotice.link', { url: facts.caseUrl }) },
    { kind: 'paragraph', style: 'small', text: t('staffNotice.privacy') },
  ]);
}
