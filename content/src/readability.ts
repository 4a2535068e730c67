import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/**
 * The Flesch–Kincaid grade of English text: how many years of schooling it takes to read it. Child
 * wording and easy read must be grade 4 or below (a reading age of about 9), adult wording grade 8
 * or below.
 * Counting uses the `syllable` package; sentences end at . ! ? or a line break (a heading, a list
 * item), which is how people read our pages.
 */
export function fleschKincaidGrade(text: string): number {
  const sentences = text
    .split(/[.!?]+\s|[.!?]+$|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z]/.test(s));
  const words = text.match(/[A-Za-z]+(?:['’][A-Za-z]+)*/g) ?? [];
  if (words.length === 0 || sentences.length === 0) return 0;
  const syllables = words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
  return fleschKincaid({ sentence: sentences.length, word: words.length, syllable: syllables });
}

/** Easy read (for adults with a learning disability, among others) is held to the children's grade. */
export const READING_GRADE_LIMITS = { child: 4, adult: 8, easyRead: 4 } as const;

/** Every string inside a nested object of words (a namespace, a document), for checking as one text. */
export function collectStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value.replace(/\{\{[^}]+\}\}/g, 'it'));
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectStrings(v, into));
  return into;
}
