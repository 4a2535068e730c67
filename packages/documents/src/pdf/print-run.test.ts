import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { DocumentSource } from '../document-model';
import { ADDRESS_MAX_LINES, ENVELOPE_WINDOW, MM, addressForWindow } from './envelope-window';
import { extractPdfText } from './extract-text';
import { renderPrintRun } from './print-run';
import { renderPdf } from './render-pdf';

type Placed = { text: string; page: number; left: number; top: number; right: number; bottom: number };

/**
 * Every line of text with where it sits on its page, in millimetres from the sheet's top left.
 * A PDF's text comes back in pieces (often word by word): pieces on one baseline are one line.
 */
async function placedText(pdf: Uint8Array): Promise<Placed[]> {
  const lines = new Map<string, Placed>();
  for (const piece of await placedPieces(pdf)) {
    const key = `${piece.page}:${piece.bottom.toFixed(1)}`;
    const line = lines.get(key);
    if (!line) lines.set(key, { ...piece });
    else {
      line.text = line.left <= piece.left ? `${line.text} ${piece.text}` : `${piece.text} ${line.text}`;
      line.left = Math.min(line.left, piece.left);
      line.right = Math.max(line.right, piece.right);
      line.top = Math.min(line.top, piece.top);
    }
  }
  return [...lines.values()].map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }));
}

async function placedPieces(pdf: Uint8Array): Promise<Placed[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const placed: Placed[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const height = page.getViewport({ scale: 1 }).height;
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , , x, y] = item.transform as number[];
      placed.push({
        text: item.str,
        page: n,
        left: x! / MM,
        right: (x! + item.width) / MM,
        // The baseline less the line's height is the top of the text.
        top: (height - y! - item.height) / MM,
        bottom: (height - y!) / MM,
      });
    }
  }
  await doc.destroy();
  return placed;
}

function letter(over: Partial<DocumentSource> & { address?: string[]; paragraphs?: number } = {}): DocumentSource {
  const { address, paragraphs = 3, ...rest } = over;
  return {
    title: 'We have received your complaint',
    language: 'en',
    audience: 'adult',
    organisationName: 'Children and Family Court Advisory Service',
    blocks: [
      ...(address ? [{ kind: 'address' as const, lines: address }] : []),
      { kind: 'paragraph', text: '24 November 2026' },
      { kind: 'reference', label: 'Your reference number', value: 'CMP-7K3P-QD9X' },
      ...Array.from({ length: paragraphs }, (_, i) => ({ kind: 'paragraph' as const, text: `Paragraph ${i + 1} of the letter, long enough to be a sentence of its own.` })),
    ],
    footer: 'CMP-7K3P-QD9X',
    ...rest,
  };
}

const window = {
  left: ENVELOPE_WINDOW.left,
  top: ENVELOPE_WINDOW.top,
  right: ENVELOPE_WINDOW.left + ENVELOPE_WINDOW.width,
  bottom: ENVELOPE_WINDOW.top + ENVELOPE_WINDOW.height,
};
const inWindow = (p: Placed) => p.left >= window.left && p.right <= window.right && p.top >= window.top && p.bottom <= window.bottom;
const overlapsWindow = (p: Placed) => p.left < window.right && p.right > window.left && p.top < window.bottom && p.bottom > window.top;

describe('a posted letter in a window envelope', () => {
  const address = ['Jo Bloggs', '1 High Street', 'Carlisle', 'CA1 1AA'];

  it.each(['adult', 'child'] as const)('puts the whole address inside the window, and nothing else there (%s wording)', async (audience) => {
    const placed = await placedText(await renderPdf(letter({ address, audience })));
    const firstPage = placed.filter((p) => p.page === 1);
    const addressText = firstPage.filter((p) => address.includes(p.text.trim()));
    expect(addressText.map((p) => p.text.trim())).toEqual(address);
    for (const line of addressText) expect(inWindow(line), JSON.stringify(line)).toBe(true);
    const others = firstPage.filter((p) => !address.includes(p.text.trim()));
    for (const other of others) expect(overlapsWindow(other), JSON.stringify(other)).toBe(false);
    // The letter itself starts below the window; the masthead stays above it.
    expect(others.some((p) => p.top > window.bottom && p.text.includes('24 November 2026'))).toBe(true);
    expect(others.find((p) => p.text.includes('Children and Family Court'))!.bottom).toBeLessThan(window.top);
  });

  it('keeps a long address within the lines the window holds, losing none of it', async () => {
    const long = ['Jo Bloggs', 'Flat 3', 'Rose Court', '12 Long Lane', 'Upper Town', 'Lower Village', 'Carlisle', 'CA1 1AA'];
    const fitted = addressForWindow(long);
    expect(fitted).toHaveLength(ADDRESS_MAX_LINES);
    expect(fitted[0]).toBe('Jo Bloggs');
    expect(fitted.at(-1)).toBe('CA1 1AA');
    expect(fitted.join(', ')).toBe(long.join(', '));
    const placed = await placedText(await renderPdf(letter({ address: long })));
    const shown = placed.filter((p) => p.page === 1 && inWindow(p)).map((p) => p.text.trim());
    expect(shown).toEqual(fitted);
  });

  it('leaves a document with no address as it was: no space kept for a window', async () => {
    const placed = await placedText(await renderPdf(letter()));
    expect(placed.find((p) => p.text.includes('24 November 2026'))!.top).toBeLessThan(window.top);
  });
});

describe('renderPrintRun', () => {
  // Four renders and a parse: seconds on a busy machine.
  it('puts letters one after another, each on its own sheets, a blank page after an odd count', { timeout: 30_000 }, async () => {
    const sources = [
      letter({ address: ['Ann One', '1 First Street', 'AA1 1AA'], footer: 'CMP-AAAA-AAAA' }),
      letter({ address: ['Ben Two', '2 Second Street', 'BB2 2BB'], footer: 'CMP-BBBB-BBBB', paragraphs: 40 }),
      letter({ address: ['Cat Three', '3 Third Street', 'CC3 3CC'], footer: 'CMP-CCCC-CCCC', language: 'cy' }),
    ];
    const singles = await Promise.all(sources.map(async (s) => (await extractPdfText(await renderPdf(s))).pages));
    const run = await renderPrintRun(sources, { title: 'Letters to post', language: 'en', author: 'Children and Family Court Advisory Service' });
    const evenUp = (n: number) => n + (n % 2);
    expect(run.documents.map((d) => d.pages)).toEqual(singles);
    expect(run.pages).toBe(singles.map(evenUp).reduce((a, b) => a + b, 0));
    let next = 1;
    for (const [i, d] of run.documents.entries()) {
      expect(d.firstPage).toBe(next);
      expect(d.firstPage % 2).toBe(1);
      next += evenUp(singles[i]!);
    }
    const read = await extractPdfText(run.bytes);
    expect(read.title).toBe('Letters to post');
    expect(read.language).toBe('en-GB');
    expect(read.pages).toBe(run.pages);
    const placed = await placedText(run.bytes);
    // Each letter's address is in the window of its own first page, and its pages are numbered on their own.
    for (const [i, name] of ['Ann One', 'Ben Two', 'Cat Three'].entries()) {
      const line = placed.find((p) => p.text.trim() === name)!;
      expect(line.page).toBe(run.documents[i]!.firstPage);
      expect(inWindow(line)).toBe(true);
    }
    const onPage = (n: number) => placed.filter((p) => p.page === n).map((p) => p.text).join(' ');
    expect(onPage(run.documents[1]!.firstPage)).toMatch(/CMP-BBBB-BBBB\s+·\s+Page 1 of \d/);
    expect(onPage(run.documents[2]!.firstPage)).toMatch(/CMP-CCCC-CCCC\s+·\s+Tudalen 1 o 1/);
    // The padding pages are blank.
    for (const [i, d] of run.documents.entries()) {
      if (d.pages % 2 === 1) expect(onPage(d.firstPage + d.pages), `after letter ${i + 1}`).toBe('');
    }
  });
});
