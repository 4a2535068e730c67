import { findLetter, recordAudit } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { fillTrackingCode, fromStoredDocument, letterFileName, renderLetterPdf } from '../letters/letter-document';
import { type CaseworkRequest, isUuid, visibleComplaint } from './casework-context';
import { Refusal } from '../refusal';

export type LetterFile = { fileName: string; contentType: 'application/pdf'; bytes: Uint8Array };

/**
 * A letter's PDF, made again from the letter as it was written, for someone who may see the
 * complaint. A posted letter's tracking code is not in it: only printing puts one in.
 */
export async function downloadLetter(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, letterId: string): Promise<LetterFile> {
  const facts = await visibleComplaint(deps.db, request.actor, complaintId);
  if (!isUuid(letterId)) throw new Refusal('not_found');
  const stored = await findLetter(deps.db, complaintId, letterId);
  const source = stored ? fromStoredDocument(stored.document) : null;
  if (!stored || !source) throw new Refusal('not_found');
  const bytes = await renderLetterPdf(fillTrackingCode(source, null));
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'letter.downloaded', complaintId, subject: `letter:${letterId}`, requestId: request.requestId });
  return { fileName: letterFileName(facts.reference, stored.kind), contentType: 'application/pdf', bytes };
}
