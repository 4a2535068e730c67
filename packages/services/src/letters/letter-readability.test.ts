import { READING_GRADE_LIMITS, fleschKincaidGrade } from '@complaints/content/readability';
import { LETTER_TEMPLATE_SEEDS } from '@complaints/db';
import { describe, expect, it } from 'vitest';

/** The words of a template as a reader meets them: directives out, values read as a short word. */
function readableText(body: string): string {
  return body
    .split('\n')
    .filter((line) => !/^\[\[(if|each|end|address)/.test(line.trim()))
    .map((line) => line.replace(/\[\[\w+ ([^\]]+)\]\]/g, '$1').replace(/\{\{\w+\}\}/g, 'it').replace(/^(##|-|>) /, ''))
    .join('\n');
}

describe('the letters sent by return read plainly', () => {
  for (const template of LETTER_TEMPLATE_SEEDS.filter((t) => t.language === 'en')) {
    it(`${template.kind} for ${template.audience === 'child' ? 'children' : 'adults'}`, () => {
      expect(fleschKincaidGrade(readableText(template.body))).toBeLessThanOrEqual(READING_GRADE_LIMITS[template.audience]);
    });
  }
});
