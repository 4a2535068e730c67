import { organisation } from '@complaints/content';
import { translator } from '@complaints/i18n/server';

/**
 * The words of following a complaint, in a language and wording (`key_child` where the child
 * wording differs), with the organisation's details filled in wherever a sentence names them.
 */
export function trackingWords(language: 'en' | 'cy', audience: 'adult' | 'child') {
  const t = translator(language, 'tracking');
  const contact = organisation.contact;
  const common = { organisation: organisation.name[language], phone: contact.phone, email: contact.email, hours: contact.openingHours[language] };
  return (key: string, values: Record<string, unknown> = {}) => t(key, { ...common, ...values, context: audience === 'child' ? 'child' : undefined }) as string;
}
