import { PUBLIC_DOCUMENTS, type PublicDocumentId } from '@complaints/documents';
import type { Express, Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { fingerprintsIn, pdfResponse, portalUrlOf } from '../app/components/document-page.server';
import { detectLanguage } from '../app/i18n.server';
import type { PortalServices } from './services';

/**
 * The leaflets' and welcome packs' PDFs at their printed addresses (/leaflets/adult.pdf …). They
 * are served by plain Express handlers ahead of Remix: a cached PDF needs no page rendered, and
 * Remix's per-request work was most of its cost. The language, headers and caching are the same
 * functions the pages use.
 */
export function mountDocumentPdfs(app: Express, services: PortalServices, portalUrl: string | undefined): void {
  for (const id of Object.keys(PUBLIC_DOCUMENTS) as PublicDocumentId[]) {
    app.get(`${PUBLIC_DOCUMENTS[id].path}.pdf`, (req, res, next) => {
      servePdf(id, req, res, services, portalUrl).catch(next);
    });
  }
}

async function servePdf(id: PublicDocumentId, req: ExpressRequest, res: ExpressResponse, services: PortalServices, portalUrl: string | undefined) {
  const request = new Request(new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`), {
    headers: Object.entries(req.headers).flatMap(([name, value]) =>
      value === undefined ? [] : Array.isArray(value) ? value.map((v): [string, string] => [name, v]) : [[name, value] as [string, string]],
    ),
  });
  const language = await detectLanguage(request);
  const result = await services.documents.publicDocumentPdf({
    document: id,
    language,
    portalUrl: portalUrlOf(request, { portalUrl }),
    knownFingerprints: fingerprintsIn(request.headers.get('If-None-Match')),
  });
  const response = pdfResponse(result, language);
  res.status(response.status);
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(result.pdf ?? undefined);
}
