import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

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
