import type { Language } from '@complaints/domain';

/**
 * Staff have no language preference recorded, so reminders and warnings to them are in English.
 * Their words are in Welsh too (`content/locales/cy/reminders.json`), ready for when a preference
 * is kept with each account.
 */
export const STAFF_EMAIL_LANGUAGE: Language = 'en';
