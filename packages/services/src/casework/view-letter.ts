import { findLetter, recordAudit, type StoredLetter } from '@complaints/db';
import type { DocumentSource } from '@complaints/documents';
import type { ServiceDependencies } from '../dependencies';
import { fillTrackingCode, fromStoredDocument, hasTrackingCodeSlot } from '../letters/letter-document';
import { ComplaintNotFoundError, type CaseworkRequest, isUuid, visibleComplaint } from './casework-context';

export type LetterPage = {
  complaintId: string;
  reference: string;
  letter: Omit<StoredLetter, 'document' | 'html'>;
  /** Null for a letter kept only as HTML. */
  document: DocumentSource | null;
  html: string;
  /** A posted letter that carries a tracking code, issued afresh each time it is printed. */
  printsTrackingCode: boolean;
};

/** A letter of a complaint, on screen, for someone who may see the complaint. */
export async function viewLetter(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, letterId: string): Promise<LetterPage> {
  const facts = await visibleComplaint(deps.db, request.actor, complaintId);
  if (!isUuid(letterId)) throw new ComplaintNotFoundError();
  const stored = await findLetter(deps.db, complaintId, letterId);
  if (!stored) throw new ComplaintNotFoundError();
  const source = fromStoredDocument(stored.document);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'letter.viewed', complaintId, subject: `letter:${letterId}`, requestId: request.requestId });
  const { document: _document, html, ...letter } = stored;
  return {
    complaintId,
    reference: facts.reference,
    letter,
    document: source ? fillTrackingCode(source, null) : null,
    html,
    printsTrackingCode: stored.delivery === 'post' && source !== null && hasTrackingCodeSlot(source),
  };
}
