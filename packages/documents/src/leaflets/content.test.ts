import { collectStrings, fleschKincaidGrade, READING_GRADE_LIMITS } from '@complaints/content/readability';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_LANGUAGES, PUBLIC_DOCUMENT_IDS, PUBLIC_DOCUMENTS } from './catalogue';
import { readDocumentContent } from './content-files';
import { blockWords, type ContentBlock, placeholdersIn } from './content-schema';

/** Words as people read them: each heading, list item and table cell ends a sentence. */
function readingText(id: (typeof PUBLIC_DOCUMENT_IDS)[number]): string {
  const { content } = readDocumentContent(id, 'en');
  return collectStrings([content.title, ...content.blocks.flatMap(blockWords), content.webVersionNote]).join('\n');
}

/** Only the running prose, which is where long sentences hide. */
function proseText(id: (typeof PUBLIC_DOCUMENT_IDS)[number]): string {
  const { content } = readDocumentContent(id, 'en');
  return collectStrings(content.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'callout').flatMap(blockWords)).join(' ');
}

/** What must be the same in a translation: the shape of every block and the details it fills in. */
function shape(block: ContentBlock) {
  const placeholders = (texts: string[]) => [...new Set(texts.flatMap(placeholdersIn))].sort();
  const common = { kind: block.kind, when: block.when ?? null, placeholders: placeholders(blockWords(block)) };
  switch (block.kind) {
    case 'heading':
      return { ...common, level: block.level };
    case 'paragraph':
      return { ...common, style: block.style ?? null };
    case 'list':
      return { ...common, items: block.items.length, ordered: block.ordered ?? false };
    case 'facts':
      return { ...common, rows: block.rows.map((r) => placeholders([r.label, r.value])) };
    case 'table':
      return { ...common, columns: block.head.length, rows: block.rows.map((r) => placeholders(r)) };
    default:
      return common;
  }
}

describe('the leaflets and welcome packs as written', () => {
  it('has a valid source for every document in every language', () => {
    for (const id of PUBLIC_DOCUMENT_IDS) {
      for (const language of DOCUMENT_LANGUAGES) {
        expect(() => readDocumentContent(id, language), `${language}/${id}`).not.toThrow();
      }
    }
  });

  it.each(PUBLIC_DOCUMENT_IDS)('reads at the right level in English: %s', (id) => {
    const limit = READING_GRADE_LIMITS[PUBLIC_DOCUMENTS[id].audience];
    expect(fleschKincaidGrade(readingText(id)), 'as a whole').toBeLessThanOrEqual(limit);
    expect(fleschKincaidGrade(proseText(id)), 'its paragraphs alone').toBeLessThanOrEqual(limit);
  });

  it('holds the child versions to a lower grade than the adult ones', () => {
    expect(fleschKincaidGrade(proseText('leaflet-child'))).toBeLessThan(fleschKincaidGrade(proseText('leaflet-adult')));
    expect(fleschKincaidGrade(proseText('welcome-pack-child'))).toBeLessThan(fleschKincaidGrade(proseText('welcome-pack-adult')));
  });

  it.each(PUBLIC_DOCUMENT_IDS)('has the same structure and placeholders in Welsh as in English: %s', (id) => {
    const en = readDocumentContent(id, 'en').content;
    const cy = readDocumentContent(id, 'cy').content;
    expect(cy.blocks.filter((b) => b.kind === 'heading')).toHaveLength(en.blocks.filter((b) => b.kind === 'heading').length);
    expect(cy.blocks.map(shape)).toEqual(en.blocks.map(shape));
    expect(placeholdersIn(cy.webVersionNote).sort()).toEqual(placeholdersIn(en.webVersionNote).sort());
  });

  it.each(PUBLIC_DOCUMENT_IDS)('takes every timescale from the settings, never typed into the words: %s', (id) => {
    for (const language of DOCUMENT_LANGUAGES) {
      const { content } = readDocumentContent(id, language);
      const words = [content.title, content.webVersionNote, ...content.blocks.flatMap(blockWords)].join('\n');
      expect(words).not.toMatch(/\d+\s+(working days?|n?d?diwrnod)/i);
    }
  });

  it('covers what a leaflet must and what a welcome pack must', () => {
    const placeholders = (id: (typeof PUBLIC_DOCUMENT_IDS)[number]) =>
      new Set(readDocumentContent(id, 'en').content.blocks.flatMap(blockWords).flatMap(placeholdersIn));
    for (const id of ['leaflet-adult', 'leaflet-child'] as const) {
      const used = placeholders(id);
      for (const name of ['acknowledgeTime', 'stage1ResponseTime', 'stage2AcknowledgeTime', 'stage2ResponseTime', 'phone', 'email', 'postalAddress', 'portalAddress', 'phsoName', 'psowName']) {
        expect(used, `${id} uses {{${name}}}`).toContain(name);
      }
    }
    for (const id of ['welcome-pack-adult', 'welcome-pack-child'] as const) {
      const used = placeholders(id);
      for (const name of ['practitionerName', 'teamName', 'teamPhone', 'caseReference', 'acknowledgeTime', 'stage1ResponseTime', 'stage2ResponseTime']) {
        expect(used, `${id} uses {{${name}}}`).toContain(name);
      }
    }
  });
});
