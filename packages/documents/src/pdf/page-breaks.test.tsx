import { Document, Page, Text, renderToBuffer } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import type { DocumentBlock, DocumentSource } from '../document-model';
import { keepWithNextTexts, strandedTexts } from './extract-text';
import { PDF_FONT_FAMILY, registerPdfFonts } from './fonts';
import { renderPdf } from './render-pdf';


/** The running header and footer, printed on every page. */
const REPEATED = [/^Org$/, /(Page|Tudalen) \d+ (of|o) \d+/];

const filler = (count: number): DocumentBlock[] =>
  Array.from({ length: count }, (_, i) => ({ kind: 'paragraph' as const, text: `Filler line ${i + 1}.` }));

/** A document whose heading, list, table and pictured paragraph land lower down the page the more filler there is. */
function documentWith(count: number, audience: 'adult' | 'child'): DocumentSource {
  return {
    title: 'Breaks',
    language: 'en',
    audience,
    organisationName: 'Org',
    blocks: [
      ...filler(count),
      { kind: 'heading', level: 2, text: 'A heading that must keep its text' },
      { kind: 'heading', level: 3, text: 'A smaller heading under it' },
      { kind: 'paragraph', text: 'The first words of the section. They say what the heading is about, and go on for a second line when the type is large.' },
      ...filler(Math.max(0, 12 - (count % 12))),
      { kind: 'heading', level: 2, text: 'A heading before a list' },
      { kind: 'list', items: ['The first point', 'The second point', 'The third point'] },
      ...filler(count % 7),
      { kind: 'table', caption: 'How long it takes', head: ['What we do', 'When'], rows: [['Say we have it', 'Within 1 day'], ['Answer', 'Within 15 days'], ['Look again', 'Within 20 days']] },
    ],
  };
}

describe('page breaks in a PDF', () => {
  it('finds a heading stranded at the foot of a page (the check can fail)', async () => {
    // Built by hand to strand one: the heading's text is forced onto the next page.
    registerPdfFonts();
    const pdf = await renderToBuffer(
      <Document>
        <Page size="A4" style={{ padding: 56, fontFamily: PDF_FONT_FAMILY }}>
          <Text>Org</Text>
          <Text>Some text before.</Text>
          <Text style={{ fontWeight: 700 }}>A stranded heading</Text>
          <Text break>Its text, on the next page.</Text>
        </Page>
      </Document>,
    );
    expect(await strandedTexts(pdf, ['A stranded heading', 'Some text before.'], REPEATED)).toEqual([{ text: 'A stranded heading', page: 1 }]);
  });

  it('keeps every heading, table caption and header row with what follows, wherever the break falls', async () => {
    const found: Array<{ text: string; page: number; count: number; audience: string }> = [];
    for (const audience of ['adult', 'child'] as const) {
      for (let count = 14; count <= 40; count += 1) {
        const source = documentWith(count, audience);
        const stranded = await strandedTexts(await renderPdf(source), keepWithNextTexts(source), REPEATED);
        found.push(...stranded.map((s) => ({ ...s, count, audience })));
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});
