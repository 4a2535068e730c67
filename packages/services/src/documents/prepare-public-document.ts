import { type BuiltDocument, buildPublicDocument, type DocumentLanguage, pdfFileName, pdfPath, type PublicDocumentId } from '@complaints/documents';
import type { ServiceDependencies } from '../dependencies';
import { loadProcessSettings } from '../settings/process-settings';

export type PublicDocumentRequest = {
  document: PublicDocumentId;
  language: DocumentLanguage;
  /** The portal's public address, printed in the PDF so a reader of the paper finds the web page. */
  portalUrl: string;
};

export type PreparedPublicDocument = BuiltDocument & {
  /** Where the PDF of this document in this language is served. */
  pdfPath: string;
  fileName: string;
};

/**
 * A leaflet or welcome pack ready to show: its words filled in with the timescales as the
 * organisation has set them now (the same settings every rule and letter reads) and its contact
 * details. The web page and the PDF are both made from what this returns.
 */
export async function preparePublicDocument(deps: Pick<ServiceDependencies, 'db'>, request: PublicDocumentRequest): Promise<PreparedPublicDocument> {
  const { timescales } = await loadProcessSettings(deps.db);
  const built = buildPublicDocument(request.document, request.language, { timescales, portalUrl: request.portalUrl });
  return { ...built, pdfPath: pdfPath(request.document, request.language), fileName: pdfFileName(request.document, request.language) };
}
