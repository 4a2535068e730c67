import { collectStrings, fleschKincaidGrade, READING_GRADE_LIMITS } from '@complaints/content/readability';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_LANGUAGES, PUBLIC_DOCUMENT_IDS, PUBLIC_DOCUMENTS } from './catalogue';
import { readDocumentContent } from './content-files';
import { blockPicture, blockWords, type ContentBlock, placeholdersIn } from './content-schema';
import { isPictureName } from '../pictures';

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
  const picture = blockPicture(block);
  const common = {
    kind: block.kind,
    when: block.when ?? null,
    placeholders: placeholders(blockWords(block)),
    // The same picture in both languages, marked decorative in both or in neither.
    picture: picture ? { name: picture.name, decorative: 'decorative' in picture } : null,
  };
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
    const { audience, format } = PUBLIC_DOCUMENTS[id];
    const limit = format === 'easy-read' ? READING_GRADE_LIMITS.easyRead : READING_GRADE_LIMITS[audience];
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

  it('writes the easy-read leaflet as easy read: one sentence to a picture, each picture on the left of its words', () => {
    for (const language of DOCUMENT_LANGUAGES) {
      const { content } = readDocumentContent('leaflet-easy-read', language);
      for (const block of content.blocks.filter((b) => b.kind !== 'heading')) {
        expect(block.kind, block.kind).toBe('paragraph');
        expect(blockPicture(block), blockWords(block)[0]).toBeDefined();
      }
    }
    const { content } = readDocumentContent('leaflet-easy-read', 'en');
    // The first time a hard word is used, the same block or the next one says what it means.
    const words = content.blocks.flatMap(blockWords);
    for (const [word, meaning] of [
      ['complaint', /A complaint is/],
      ['report', /A report is/],
      ['advocate', /An advocate is/],
      ['manager', /A manager is/],
      ['Ombudsman', /The Ombudsman checks/],
      ['Working days', /Working days are/],
    ] as const) {
      const first = words.findIndex((w) => w.toLowerCase().includes(word.toLowerCase()));
      expect(first, word).toBeGreaterThanOrEqual(0);
      expect(`${words[first]} ${words[first + 1] ?? ''}`, word).toMatch(meaning);
    }
  });

  it.each(['leaflet-child', 'welcome-pack-child', 'leaflet-easy-read'] as const)(
    'gives every section a picture, each with words for a screen reader or marked decorative, in both languages: %s',
    (id) => {
      for (const language of DOCUMENT_LANGUAGES) {
        const { content } = readDocumentContent(id, language);
        const sections: ContentBlock[][] = [];
        for (const block of content.blocks.slice(1)) {
          if (block.kind === 'heading' && block.level === 2) sections.push([]);
          else (sections.at(-1) ?? sections[sections.push([]) - 1]!).push(block);
        }
        for (const section of sections) {
          expect(section.some((b) => blockPicture(b)), `${language}/${id}: ${blockWords(section[0]!)[0]}`).toBe(true);
        }
        for (const block of content.blocks) {
          const picture = blockPicture(block);
          if (!picture) continue;
          expect(isPictureName(picture.name), picture.name).toBe(true);
          if ('alt' in picture) {
            expect(picture.alt.trim().length, `${language}/${id} ${picture.name}`).toBeGreaterThan(2);
            expect(picture.alt, 'not a file name').not.toMatch(/\.(svg|png)$|^[0-9A-F-]+$/);
          } else {
            expect(picture.decorative).toBe(true);
          }
        }
      }
    },
  );

  it('uses pictures only where they say the same as the words: not in the adult leaflet and welcome pack', () => {
    for (const id of ['leaflet-adult', 'welcome-pack-adult'] as const) {
      for (const language of DOCUMENT_LANGUAGES) expect(readDocumentContent(id, language).content.blocks.some((b) => blockPicture(b))).toBe(false);
    }
  });
});
