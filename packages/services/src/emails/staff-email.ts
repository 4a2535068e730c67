import { organisation } from '@complaints/content';
import { type DocumentBlock, renderHtmlDocument, renderPlainText } from '@complaints/documents';
import { translator } from '@complaints/i18n/server';

/** An email as the outbox keeps it. */
export type WrittenEmail = { subject: string; text: string; html: string };

type Language = 'en' | 'cy';
type Words = ReturnType<typeof translator>;

const WHEN: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' }),
  cy: new Intl.DateTimeFormat('cy-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' }),
};

/** A moment as an email to staff says it: a long date and the time, London time. */
export function whenInWords(at: Date, language: Language): string {
  return WHEN[language].format(at);
}

/**
 * An email to staff, in English and then Welsh in one message (staff have no language preference
 * recorded), the subject in both: `subject` is a key of `namespace` with its values, and `part`
 * writes the blocks of one language. Its first heading is the document's heading in English only.
 */
export function bilingualStaffEmail(
  namespace: string,
  subject: { key: string; values?: Record<string, unknown> },
  part: (t: Words, language: Language, headingLevel: 1 | 2) => DocumentBlock[],
): WrittenEmail {
  const words = (language: Language) => translator(language, namespace);
  const title = `${words('en')(subject.key, subject.values)} / ${words('cy')(subject.key, subject.values)}`;
  const source = {
    title,
    language: 'en' as const,
    audience: 'adult' as const,
    organisationName: `${organisation.name.en} / ${organisation.name.cy}`,
    blocks: [...part(words('en'), 'en', 1), ...part(words('cy'), 'cy', 2)],
  };
  return { subject: title, text: renderPlainText(source), html: renderHtmlDocument(source) };
}
