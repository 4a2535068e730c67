import type { StaffActor } from '@complaints/auth';
import { PdfCache, renderPdf } from '@complaints/documents';
import type { ServiceDependencies } from '../dependencies';
import { type PublicDocumentRequest, preparePublicDocument } from './prepare-public-document';
import { previewPublicDocument } from './preview-public-document';
import { type PersonalisedWelcomePackRequest, renderPersonalisedWelcomePack } from './render-personalised-welcome-pack';
import { publicPdfKey, renderPublicDocumentPdf } from './render-public-document-pdf';

/**
 * The leaflets and welcome packs, bound to their dependencies, with one PDF cache for the process.
 */
export function createDocumentServices(deps: ServiceDependencies, options: { cache?: PdfCache } = {}) {
  const cache = options.cache ?? new PdfCache(32);
  return {
    /**
     * The document to show as a web page. Its PDF is made in the background if it is not in the
     * cache yet, so a reader who then asks for the PDF gets it at once. A failure here is left for
     * that request to meet and report.
     */
    publicDocument: async (request: PublicDocumentRequest) => {
      const prepared = await preparePublicDocument(deps, request);
      const key = publicPdfKey(prepared);
      if (!cache.has(key)) setImmediate(() => void cache.get(key, () => renderPdf(prepared.source)).catch(() => {}));
      return prepared;
    },
    publicDocumentPdf: (request: PublicDocumentRequest & { knownFingerprints?: readonly string[] }) => renderPublicDocumentPdf(deps, cache, request),
    personalisedWelcomePack: (actor: StaffActor, request: PersonalisedWelcomePackRequest) => renderPersonalisedWelcomePack(deps, actor, request),
    /** For the preview page only, which is not part of the live service. */
    previewPublicDocument: (request: PublicDocumentRequest) => previewPublicDocument(deps, cache, request),
    pdfCacheStats: () => cache.stats,
  };
}

export type DocumentServices = ReturnType<typeof createDocumentServices>;
