import type { LetterTemplateKey } from '@complaints/content/letters';
import { type FieldProblem, type IsoDate, requiredText } from '@complaints/domain';
import { z } from 'zod';
import { composeCaseLetter, LETTER_SECTIONS, sampleLetterFacts } from '../letters/compose-case-letter';
import { LetterTemplateError } from '../letters/letter-template';

export const LETTER_TEMPLATE_LIMITS = { subject: 200, body: 20_000 } as const;

/**
 * A problem with a template as national office typed it: the field, a message key in the
 * `templates` namespace (`errors.<message>`), and the name the parser stumbled on, if any, so the
 * page can say which value or part is wrong in the reader's language.
 */
export type LetterTemplateProblem = FieldProblem & { field: 'subject' | 'body'; name?: string };

export const letterTemplateInput = z.object({
  subject: requiredText('subject', LETTER_TEMPLATE_LIMITS.subject).refine((s) => !/[\r\n]/.test(s), { error: 'subject.oneLine' }),
  // Browsers send a textarea's line breaks as CRLF; the template is kept with plain newlines.
  body: requiredText('body', LETTER_TEMPLATE_LIMITS.body).transform((b) => b.replace(/\r\n?/g, '\n')),
});

/** The parser's reasons, each as a message key and the name it is about. */
const REASONS: Array<[RegExp, string]> = [
  [/^The template uses \{\{(\w+)\}\}/, 'unknownValue'],
  [/^The template repeats \[\[each (.+?)\]\]/, 'unknownList'],
  [/^\[\[if (.+?)\]\] or \[\[each\]\] is never closed/, 'notClosed'],
  [/^\[\[end\]\] without/, 'endWithoutStart'],
  [/^\[\[(\w+)\]\] needs a name/, 'needsName'],
  [/^\[\[(\w+)\]\] needs a label/, 'needsLabel'],
  [/^\[\[(\w+)\]\] is not something/, 'unknownDirective'],
  [/^The subject of the letter uses a value/, 'missingValue'],
];

export function templateProblemOf(error: LetterTemplateError, field: 'subject' | 'body'): LetterTemplateProblem {
  for (const [pattern, reason] of REASONS) {
    const found = pattern.exec(error.message);
    if (found) return { field, message: `template.${reason}`, ...(found[1] ? { name: found[1] } : {}) };
  }
  return { field, message: 'template.invalid' };
}

const KNOWN_SECTIONS: ReadonlySet<string> = new Set(LETTER_SECTIONS);

/**
 * Whether a template can be used for letters of its kind: it must compose, subject and body, with
 * the sample facts of every case a real letter can meet (stage 1 and 2, posted and emailed), so
 * every part is tried; and each `[[if]]` must name a part letters have (the parser would quietly
 * leave out a misspelt one, and with it words the reader needs).
 */
export function letterTemplateProblems(template: { subject: string; body: string }, key: LetterTemplateKey, today: IsoDate): LetterTemplateProblem[] {
  const problems: LetterTemplateProblem[] = [];
  const unknownSection = template.body
    .split(/\r?\n/)
    .map((line) => /^\[\[if\s+(.+?)\]\]$/.exec(line.trim())?.[1]?.trim())
    .find((name) => name !== undefined && !KNOWN_SECTIONS.has(name));
  const sample = sampleLetterFacts(key.kind, key.language, key.audience, today);
  const cases = [1, 2].flatMap((stage) => (['post', 'email'] as const).map((delivery) => ({ ...sample, stage: stage as 1 | 2, delivery })));
  for (const field of ['subject', 'body'] as const) {
    if (field === 'body' && unknownSection) {
      problems.push({ field, message: 'template.unknownSection', name: unknownSection });
      continue;
    }
    const alone = field === 'subject' ? { subject: template.subject, body: '' } : { subject: '-', body: template.body };
    for (const facts of cases) {
      try {
        composeCaseLetter(alone, facts);
      } catch (error) {
        if (!(error instanceof LetterTemplateError)) throw error;
        problems.push(templateProblemOf(error, field));
        break;
      }
    }
  }
  return problems;
}
