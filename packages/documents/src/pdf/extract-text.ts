import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentSource } from '../document-model';

/**
 * Reads a PDF back to its text and title, the way a test (or a screen reader) would: proof that
 * what we meant to print is really in the file.
 */
export async function extractPdfText(pdf: Uint8Array): Promise<{ text: string; pages: number; title?: string; language?: string }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const meta = await doc.getMetadata();
  const info = meta.info as { Title?: string; Language?: string };
  const language = /\/Lang\s*\(([^)]+)\)/.exec(Buffer.from(pdf).toString('latin1'))?.[1];
  const result = {
    text: parts.join('\n'),
    pages: doc.numPages,
    ...(info.Title ? { title: info.Title } : {}),
    ...(language ? { language } : {}),
  };
  await doc.destroy();
  return result;
}

/**
 * The tracking code printed on a letter, found in its text. The code is printed letter-spaced, and
 * a PDF's text read back may then have spaces between its characters: they are taken out first.
 */
export function printedTrackingCode(text: string): string | undefined {
  return /([0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5})/.exec(text.replace(/\s+/g, ''))?.[1];
}

/** One line of a page as printed: its text and how far down the page it sits (points from the top). */
export type PrintedLine = { text: string; top: number };

/**
 * Every page's lines, top to bottom, with where each sits: for tests of layout, such as a heading
 * left alone at the foot of a page. Text pieces whose baselines are within two points of each
 * other are one line; pieces on a line are joined left to right.
 */
export async function extractPdfLines(pdf: Uint8Array): Promise<Array<{ lines: PrintedLine[]; height: number }>> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: Array<{ lines: PrintedLine[]; height: number }> = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const height = page.getViewport({ scale: 1 }).height;
    const pieces = (await page.getTextContent()).items
      .filter((item): item is Extract<typeof item, { str: string }> => 'str' in item && item.str.trim() !== '')
      .map((item) => ({ text: item.str, x: item.transform[4] as number, top: height - (item.transform[5] as number) }))
      .sort((a, b) => a.top - b.top || a.x - b.x);
    const lines: Array<PrintedLine & { pieces: typeof pieces }> = [];
    for (const piece of pieces) {
      const line = lines.find((l) => Math.abs(l.top - piece.top) <= 2);
      if (line) line.pieces.push(piece);
      else lines.push({ text: '', top: piece.top, pieces: [piece] });
    }
    pages.push({
      height,
      lines: lines.map((l) => ({ top: l.top, text: l.pieces.sort((a, b) => a.x - b.x).map((p) => p.text).join(' ') })),
    });
  }
  await doc.destroy();
  return pages;
}

/**
 * Texts left at the foot of a page apart from what follows them: each of `keepWithNext` (headings,
 * a table's caption or header row) that ends a page's body text when more of the document is on a
 * later page. The running header and footer (`repeated`: text printed on every page, such as the
 * organisation's name and the page numbers) are not body text. Compared without spaces, so a
 * heading that wraps onto two lines is still found.
 */
export async function strandedTexts(pdf: Uint8Array, keepWithNext: string[], repeated: RegExp[]): Promise<Array<{ text: string; page: number }>> {
  const squash = (text: string) => text.replace(/\s+/g, '');
  const pages = await extractPdfLines(pdf);
  const stranded: Array<{ text: string; page: number }> = [];
  pages.forEach((page, i) => {
    if (i === pages.length - 1) return;
    const body = squash(page.lines.filter((line) => !repeated.some((r) => r.test(line.text))).map((l) => l.text).join(''));
    for (const text of keepWithNext) {
      if (squash(text) !== '' && body.endsWith(squash(text))) stranded.push({ text, page: i + 1 });
    }
  });
  return stranded;
}

/** What must never end a page: headings, and a table's caption and header row. */
export function keepWithNextTexts(source: DocumentSource): string[] {
  return source.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : block.kind === 'table' ? [block.caption, block.head.join('')] : []));
}

/**
 * Where each picture is drawn on each page (points from the top of the page), from the page's
 * drawing operations: the current transformation is followed through save, restore and transform,
 * and an image fills the unit square under it.
 */
export async function extractPdfPictures(pdf: Uint8Array): Promise<Array<Array<{ top: number; bottom: number; left: number }>>> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: Array<Array<{ top: number; bottom: number; left: number }>> = [];
  type Matrix = [number, number, number, number, number, number];
  const multiply = (m: Matrix, n: Matrix): Matrix => [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const height = page.getViewport({ scale: 1 }).height;
    const { fnArray, argsArray } = await page.getOperatorList();
    const stack: Matrix[] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const found: Array<{ top: number; bottom: number; left: number }> = [];
    fnArray.forEach((fn, i) => {
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
      else if (fn === OPS.transform) ctm = multiply(ctm, argsArray[i] as Matrix);
      else if (fn === OPS.paintImageXObject) {
        const ys = [ctm[5], ctm[5] + ctm[3]];
        found.push({ top: height - Math.max(...ys), bottom: height - Math.min(...ys), left: ctm[4] });
      }
    });
    pages.push(found);
  }
  await doc.destroy();
  return pages;
}
