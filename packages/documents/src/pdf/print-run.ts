import { PDFDocument } from 'pdf-lib';
import type { DocumentSource } from '../document-model';
import { renderPdf } from './render-pdf';

/** A4 in PDF points, for the blank backs added between letters. */
const A4: [number, number] = [595.28, 841.89];

export type PrintRun = {
  bytes: Uint8Array;
  /** Where each document starts in the file (1-based) and how many printed pages it has, in order. */
  documents: Array<{ firstPage: number; pages: number }>;
  pages: number;
};

/**
 * Several documents as one PDF to print at once: each exactly as it prints on its own (its own
 * page numbers, its address in the envelope window), one after another, each starting on a new
 * sheet. A document with an odd number of pages is followed by a blank page, so that printed
 * double-sided no letter's last page carries the next letter's first on its back, and each can
 * be folded into its own envelope; printed single-sided, the blank pages are simply left out.
 *
 * Each document is rendered on its own and the pages copied into one file with pdf-lib. One
 * react-pdf render of all of them would do the copying itself, but a page count is known only
 * after the layout, so the blank pages could be placed only by rendering everything twice.
 */
export async function renderPrintRun(sources: readonly DocumentSource[], about: { title: string; language: 'en' | 'cy'; author: string }): Promise<PrintRun> {
  const run = await PDFDocument.create();
  run.setTitle(about.title, { showInWindowTitleBar: true });
  run.setLanguage(about.language === 'cy' ? 'cy-GB' : 'en-GB');
  run.setAuthor(about.author);
  run.setCreator(about.author);
  run.setProducer(about.author);
  const documents: PrintRun['documents'] = [];
  // One at a time: each render holds its whole layout in memory.
  for (const source of sources) {
    const single = await PDFDocument.load(await renderPdf(source));
    const pages = await run.copyPages(single, single.getPageIndices());
    documents.push({ firstPage: run.getPageCount() + 1, pages: pages.length });
    for (const page of pages) run.addPage(page);
    if (pages.length % 2 === 1) run.addPage(A4);
  }
  // Without object streams the catalogue (and its /Lang) stays readable as it is in the file.
  const bytes = await run.save({ useObjectStreams: false });
  return { bytes, documents, pages: run.getPageCount() };
}
