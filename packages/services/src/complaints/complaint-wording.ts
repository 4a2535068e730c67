import { organisation } from '@complaints/content';
import { isoDateParts, type IsoDate } from '@complaints/domain';
import { translator } from '@complaints/i18n/server';

/*
 * Dates as words, the same on every machine: written out rather than taken from Intl, whose ICU
 * data differs between Node builds, so the email, the receipt and the page read alike.
 */
const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
} as const;

/** "27 March 2026" / "27 Mawrth 2026". */
export function dateInWords(date: IsoDate, language: 'en' | 'cy'): string {
  const { year, month, day } = isoDateParts(date);
  return `${day} ${MONTHS[language][month - 1]} ${year}`;
}

/**
 * The words of the complaint form's own documents (the email and the receipt) in a language and
 * wording: `key_child` where the child wording differs. The organisation's details are filled in
 * wherever a sentence names them.
 */
export function complaintFormWords(language: 'en' | 'cy', audience: 'adult' | 'child') {
  const t = translator(language, 'complain');
  const contact = organisation.contact;
  const common = {
    organisation: organisation.name[language],
    phone: contact.phone,
    email: contact.email,
    hours: contact.openingHours[language],
  };
  return (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ...common, ...values, context: audience === 'child' ? 'child' : undefined }) as string;
}
