import { organisation } from '@complaints/content';
import { type BuiltDocument, DocumentBlocks, type DocumentLanguage, PUBLIC_DOCUMENTS, type PublicDocumentId } from '@complaints/documents';
import { type AppLoadContext, data, type LoaderFunctionArgs } from '@remix-run/node';
import { renderToStaticMarkup } from 'react-dom/server';
import { detectLanguage, pageTitle, translator } from '../i18n.server';

/** The portal's public address: from PORTAL_URL, or the address this request came to. */
export function portalUrlOf(request: Request, context: Pick<AppLoadContext, 'portalUrl'>): string {
  return context.portalUrl ?? new URL(request.url).origin;
}

const html = new Map<string, string>();
const HTML_LIMIT = 32;

/**
 * The document's blocks as HTML, made on the server once per version of the words. The page
 * carries the markup as it is, so the browser needs no copy of the renderer.
 */
export function documentHtml(document: Pick<BuiltDocument, 'fingerprint' | 'source'>, options: { skipTitle?: boolean; headingOffset?: 0 | 1 } = {}): string {
  const key = `${document.fingerprint}|${options.skipTitle ? 1 : 0}|${options.headingOffset ?? 0}`;
  const known = html.get(key);
  if (known !== undefined) return known;
  const blocks = options.skipTitle ? document.source.blocks.slice(1) : document.source.blocks;
  const markup = renderToStaticMarkup(<DocumentBlocks blocks={blocks} headingOffset={options.headingOffset ?? 0} />);
  html.set(key, markup);
  if (html.size > HTML_LIMIT) html.delete(html.keys().next().value!);
  return markup;
}

/** The portal namespace's names for each document, for links between them. */
export const DOCUMENT_LINK_KEYS: Record<PublicDocumentId, string> = {
  'leaflet-adult': 'leafletAdult',
  'leaflet-easy-read': 'leafletEasyRead',
  'leaflet-child': 'leafletChild',
  'welcome-pack-adult': 'welcomePack',
  'welcome-pack-child': 'welcomePackChild',
};

/**
 * The other version of the same document, then the other document for the same reader. The adult
 * leaflet and its easy-read version link to each other first.
 */
function relatedDocuments(id: PublicDocumentId): PublicDocumentId[] {
  if (id === 'leaflet-easy-read') return ['leaflet-adult', 'leaflet-child'];
  const { kind, audience } = PUBLIC_DOCUMENTS[id];
  const others = Object.values(PUBLIC_DOCUMENTS).filter((d) => d.format === 'standard');
  const otherVersion = others.find((d) => d.kind === kind && d.audience !== audience)!;
  const otherKind = others.find((d) => d.kind !== kind && d.audience === audience)!;
  return [...(id === 'leaflet-adult' ? (['leaflet-easy-read'] as const) : []), otherVersion.id, otherKind.id];
}

/** Which version a document is, as the preview names it: for adults, for children, or easy read. */
export function versionKey(id: PublicDocumentId): 'adult' | 'child' | 'easyRead' {
  return PUBLIC_DOCUMENTS[id].format === 'easy-read' ? 'easyRead' : PUBLIC_DOCUMENTS[id].audience;
}

/** The loader of a leaflet or welcome pack page, in the page's language. */
export function documentPageLoader(id: PublicDocumentId) {
  return async ({ request, context }: LoaderFunctionArgs) => {
    const language = await detectLanguage(request);
    const document = await context.services.documents.publicDocument({ document: id, language, portalUrl: portalUrlOf(request, context) });
    const t = translator(language, 'documents');
    return data({
      title: pageTitle(t, document.source.title, { app: 'portal', organisation: organisation.name[language] }),
      heading: document.source.title,
      kind: PUBLIC_DOCUMENTS[id].kind,
      html: documentHtml(document, { skipTitle: true }),
      credits: document.source.credits ?? null,
      pdfHref: document.pdfPath,
      related: relatedDocuments(id).map((other) => ({ href: PUBLIC_DOCUMENTS[other].path, key: DOCUMENT_LINK_KEYS[other] })),
    });
  };
}

/** ETags we sent before, as the browser names them in If-None-Match. */
export function fingerprintsIn(ifNoneMatch: string | null): string[] {
  if (!ifNoneMatch) return [];
  return [...ifNoneMatch.matchAll(/(?:W\/)?"([^"]+)"/g)].map((m) => m[1]!);
}

/**
 * How a PDF is served. Inline, with its file name: it opens in the browser's PDF viewer, to read
 * or print, and is saved under a clear name if the reader chooses to keep it; nothing is left in
 * the Downloads folder of a shared or watched device unless they do. The ETag is the document's
 * fingerprint and caches must check it every time (no-cache), so a changed timescale reaches
 * readers at once while an unchanged PDF costs a 304.
 */
export function pdfResponse(result: { fingerprint: string; fileName: string; pdf: Buffer | null }, language: DocumentLanguage): Response {
  const headers = new Headers({
    ETag: `W/"${result.fingerprint}"`,
    'Cache-Control': 'public, no-cache',
    // The language may come from the lng cookie or the browser's languages when not in the address.
    Vary: 'Cookie, Accept-Language',
  });
  if (!result.pdf) return new Response(null, { status: 304, headers });
  headers.set('Content-Type', 'application/pdf');
  headers.set('Content-Disposition', `inline; filename="${result.fileName}"`);
  headers.set('Content-Language', language);
  headers.set('Content-Length', String(result.pdf.length));
  // A view of the cached bytes, not a copy: the same file is served to every reader.
  const body = new Uint8Array(result.pdf.buffer as ArrayBuffer, result.pdf.byteOffset, result.pdf.byteLength);
  return new Response(body, { status: 200, headers });
}

/** The preview is for the people who write the words: it does not exist on the live service. */
export function ensureDocumentPreview(context: Pick<AppLoadContext, 'documentPreview'>): void {
  if (!context.documentPreview) throw new Response('Not found', { status: 404 });
}
