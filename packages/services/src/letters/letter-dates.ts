import { dayOfWeek, isoDateParts, type IsoDate } from '@complaints/domain';

/*
 * Dates in letters, in words, the same on every machine. Written out here rather than taken from
 * Intl because the ICU data differs between Node builds (a comma or not after the weekday; Welsh
 * "Dydd Gwener" capitalised as if at the start of a sentence), and a letter must read the same in
 * the PDF, the email and a test.
 */
const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
} as const;

// Sunday first, as dayOfWeek counts.
const WEEKDAYS = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  cy: ['dydd Sul', 'dydd Llun', 'dydd Mawrth', 'dydd Mercher', 'dydd Iau', 'dydd Gwener', 'dydd Sadwrn'],
} as const;

/**
 * "12 December 2026" / "12 Rhagfyr 2026", or with the weekday "Friday 12 December 2026" /
 * "dydd Gwener 12 Rhagfyr 2026" (lower case, as it stands in the middle of a Welsh sentence).
 */
export function dateInWords(date: IsoDate, language: 'en' | 'cy', options: { weekday?: boolean } = {}): string {
  const { year, month, day } = isoDateParts(date);
  const words = `${day} ${MONTHS[language][month - 1]} ${year}`;
  return options.weekday ? `${WEEKDAYS[language][dayOfWeek(date)]} ${words}` : words;
}
