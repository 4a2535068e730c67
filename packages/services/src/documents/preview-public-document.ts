import { type PdfCache, renderPdf } from '@complaints/documents';
import type { ServiceDependencies } from '../dependencies';
import { type PreparedPublicDocument, type PublicDocumentRequest, preparePublicDocument } from './prepare-public-document';
import { publicPdfKey } from './render-public-document-pdf';

export type PublicDocumentPreview = {
  document: PreparedPublicDocument;
  pdf: {
    bytes: number;
    /** Read back from the file, the way a test or a screen reader reads it. */
    title: string | null;
    language: string | null;
    pages: number;
    /** How long this request waited for the PDF; `cached` when it was already made. */
    milliseconds: number;
    cached: boolean;
  };
};

/**
 * A document and its PDF side by side, for the people who write the words: what the PDF says
 * about itself (title, language, pages) is read back from the file, so the preview shows what a
 * reader's PDF viewer will show.
 */
export async function previewPublicDocument(
  deps: Pick<ServiceDependencies, 'db'>,
  cache: PdfCache,
  request: PublicDocumentRequest,
): Promise<PublicDocumentPreview> {
  const document = await preparePublicDocument(deps, request);
  const key = publicPdfKey(document);
  const cached = cache.has(key);
  const started = performance.now();
  const pdf = await cache.get(key, () => renderPdf(document.source));
  const milliseconds = performance.now() - started;
  // Loaded only here: the PDF reader is large and the live service never needs it.
  const { extractPdfText } = await import('@complaints/documents/testing');
  const read = await extractPdfText(pdf);
  return {
    document,
    pdf: { bytes: pdf.length, title: read.title ?? null, language: read.language ?? null, pages: read.pages, milliseconds, cached },
  };
}
