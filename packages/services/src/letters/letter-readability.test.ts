import { READING_GRADE_LIMITS, fleschKincaidGrade } from '@complaints/content/readability';
import { letterTemplateSources } from '@complaints/content/letters';
import { describe, expect, it } from 'vitest';
import { composeCaseLetter, sampleLetterFacts } from './compose-case-letter';

/** The words of a template as a reader meets them: directives out, values read as a short word. */
function readableText(body: string): string {
  return body
    .split('\n')
    .filter((line) => !/^\[\[(if|each|end|address)/.test(line.trim()))
    .map((line) => line.replace(/\[\[\w+ ([^\]]+)\]\]/g, '$1').replace(/\{\{\w+\}\}/g, 'it').replace(/^(##|-|>) /, ''))
    .join('\n');
}

describe('every letter reads plainly', () => {
  for (const template of letterTemplateSources().filter((t) => t.language === 'en')) {
    const limit = READING_GRADE_LIMITS[template.audience];
    it(`${template.kind} for ${template.audience === 'child' ? 'children' : 'adults'}: the template, and a letter made from it`, () => {
      expect(fleschKincaidGrade(readableText(template.body))).toBeLessThanOrEqual(limit);
      // Filled in, the letter also carries the decision words and the sample answers, in the reader's wording.
      const { document } = composeCaseLetter(template, sampleLetterFacts(template.kind, 'en', template.audience, '2026-11-24'));
      const text = document.blocks.map((b) => ('text' in b ? b.text : 'items' in b ? b.items.join('\n') : 'label' in b ? b.label : '')).join('\n');
      expect(fleschKincaidGrade(text)).toBeLessThanOrEqual(limit);
    });
  }
});
