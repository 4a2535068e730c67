import { type PdfCache, renderPdf } from '@complaints/documents';
import type { ServiceDependencies } from '../dependencies';
import { type PreparedPublicDocument, type PublicDocumentRequest, preparePublicDocument } from './prepare-public-document';

export type PublicDocumentPdf = {
  fingerprint: string;
  fileName: string;
  title: string;
  /** Null when the caller already holds this version (it named the fingerprint): nothing to send. */
  pdf: Buffer | null;
};

/** The cache key of a public document's PDF: a new fingerprint is a new file. */
export function publicPdfKey(document: Pick<PreparedPublicDocument, 'id' | 'language' | 'fingerprint'>): string {
  return `${document.id}:${document.language}:${document.fingerprint}`;
}

/**
 * The PDF of a leaflet or welcome pack, made once per document, version and language and then
 * served from the cache until its words or the timescales in it change.
 */
export async function renderPublicDocumentPdf(
  deps: Pick<ServiceDependencies, 'db'>,
  cache: PdfCache,
  request: PublicDocumentRequest & { knownFingerprints?: readonly string[] },
): Promise<PublicDocumentPdf> {
  const prepared = await preparePublicDocument(deps, request);
  const facts = { fingerprint: prepared.fingerprint, fileName: prepared.fileName, title: prepared.source.title };
  if (request.knownFingerprints?.includes(prepared.fingerprint)) return { ...facts, pdf: null };
  const pdf = await cache.get(publicPdfKey(prepared), () => renderPdf(prepared.source));
  return { ...facts, pdf };
}
