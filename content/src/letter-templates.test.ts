import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  LETTER_TEMPLATE_AUDIENCES,
  LETTER_TEMPLATE_KINDS,
  LETTER_TEMPLATE_LANGUAGES,
  letterTemplateFile,
  letterTemplateSources,
  parseLetterTemplateSource,
} from './letter-templates';

const sources = letterTemplateSources();
const find = (kind: string, audience: string, language: string) => sources.find((s) => s.kind === kind && s.audience === audience && s.language === language)!;

/** The directives of a template in order, without their labels (a label is words, translated). */
function directives(body: string): string[] {
  return [...body.matchAll(/\[\[(\w+)(?:\s+([^\]]*))?\]\]/g)].map(([, name, arg]) =>
    name === 'if' || name === 'each' ? `${name} ${arg}` : name!,
  );
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

describe('the letter templates in content/letters', () => {
  it('are there for every kind, in English and Welsh, for adults and for children, and nothing else is', () => {
    expect(sources).toHaveLength(LETTER_TEMPLATE_KINDS.length * LETTER_TEMPLATE_AUDIENCES.length * LETTER_TEMPLATE_LANGUAGES.length);
    for (const language of LETTER_TEMPLATE_LANGUAGES) {
      const folder = fileURLToPath(new URL(`../letters/${language}`, import.meta.url));
      const expected = sources.filter((s) => s.language === language).map((s) => letterTemplateFile(s).split('/').pop());
      expect(readdirSync(folder).sort()).toEqual(expected.sort());
    }
    for (const source of sources) {
      expect(source.subject, source.file).toContain('{{reference}}');
      expect(source.body, source.file).toContain('[[address]]');
      expect(source.body, source.file).toMatch(/\[\[reference [^\]]+\]\]/);
    }
  });

  it('have the same directives and values in Welsh as in English', () => {
    for (const kind of LETTER_TEMPLATE_KINDS) {
      for (const audience of LETTER_TEMPLATE_AUDIENCES) {
        const en = find(kind, audience, 'en');
        const cy = find(kind, audience, 'cy');
        expect(directives(cy.body), `${kind} ${audience}`).toEqual(directives(en.body));
        expect(placeholders(cy.body), `${kind} ${audience}`).toEqual(placeholders(en.body));
        expect(placeholders(cy.subject), `${kind} ${audience} subject`).toEqual(placeholders(en.subject));
      }
    }
  });

  it('keep the tracking code inside the part for posted letters', () => {
    for (const source of sources.filter((s) => s.body.includes('[[trackingCode'))) {
      const part = /\[\[if trackingCode\]\]([\s\S]*?)\[\[end\]\]/.exec(source.body)?.[1] ?? '';
      expect(part, source.file).toMatch(/\[\[trackingCode [^\]]+\]\]/);
    }
  });

  it('are read as a subject line, a blank line and the body', () => {
    expect(parseLetterTemplateSource('Subject: Hello – {{reference}}\r\n\r\nDear {{complainantName}},\r\n\r\n', 'x.txt')).toEqual({
      subject: 'Hello – {{reference}}',
      body: 'Dear {{complainantName}},',
    });
    expect(() => parseLetterTemplateSource('Dear {{complainantName}},', 'x.txt')).toThrow(/x\.txt must start with a line "Subject/);
    expect(() => parseLetterTemplateSource('Subject: Hello\nDear you', 'x.txt')).toThrow(/blank line/);
    expect(() => parseLetterTemplateSource('Subject: Hello\n\n  \n', 'x.txt')).toThrow(/no body/);
  });
});
