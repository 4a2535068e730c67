import { organisation } from '@complaints/content';
import { translator } from '@complaints/i18n/server';

/** Dates in the email, the receipt and the confirmation read as they do in letters: "27 March 2026". */
export { dateInWords } from '../letters/letter-dates';

/**
 * The words of the complaint form's own documents (the email and the receipt) in a language and
 * wording: `key_child` where the child wording differs. The organisation's details are filled in
 * wherever a sentence names them.
 */
export function complaintFormWords(language: 'en' | 'cy', audience: 'adult' | 'child') {
  return wordsFor('complain', language, audience);
}

/**
 * The words of one namespace in a language and wording (`key_child` where the child wording
 * differs), with the organisation's name and contact details filled in wherever a sentence names them.
 */
export function wordsFor(namespace: string, language: 'en' | 'cy', audience: 'adult' | 'child') {
  const t = translator(language, namespace);
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
