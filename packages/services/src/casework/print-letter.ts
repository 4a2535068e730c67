import { canWorkOnComplaint } from '@complaints/auth';
import { findLetter, lockComplaint, markLetterPrinted, recordAudit, replaceTrackingCode } from '@complaints/db';
import { generateTrackingCode } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { fillTrackingCode, fromStoredDocument, hasTrackingCodeSlot, letterFileName, renderLetterPdf } from '../letters/letter-document';
import { accessScope, ActionRefusedError, CaseworkNotAllowedError, ComplaintNotFoundError, type CaseworkRequest, isUuid, visibleComplaint } from './casework-context';
import type { LetterFile } from './download-letter';
import { trackingCodeHash } from './tracking-code-hash';

/** Printing and posting letters is the CSQ administrators' work (and their managers'). */
export const PRINTERS = ['csq_administrator', 'csq_manager', 'national_office'] as const;

/**
 * The PDF of a posted letter, to print and post now. A letter that carries a tracking code gets a
 * new one each time it is printed: only its hash is kept, and the codes on earlier copies stop
 * working, so the one in the envelope is the only one that opens the tracking page.
 */
export async function printLetter(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, letterId: string): Promise<LetterFile> {
  const { actor } = request;
  const facts = await visibleComplaint(deps.db, actor, complaintId);
  if (!(PRINTERS as readonly string[]).includes(actor.role) || !canWorkOnComplaint(actor, accessScope(facts))) {
    throw new CaseworkNotAllowedError('print_letter');
  }
  if (!isUuid(letterId)) throw new ComplaintNotFoundError();
  const now = deps.clock.now();
  const source = await deps.db.transaction(async (tx) => {
    await lockComplaint(tx, complaintId);
    const stored = await findLetter(tx, complaintId, letterId);
    const document = stored ? fromStoredDocument(stored.document) : null;
    if (!stored || !document) throw new ComplaintNotFoundError();
    if (stored.delivery !== 'post') throw new ActionRefusedError('not_posted');
    let code: string | null = null;
    if (hasTrackingCodeSlot(document)) {
      code = generateTrackingCode(deps.randomBytes);
      await replaceTrackingCode(tx, complaintId, trackingCodeHash(code)!, now);
    }
    await markLetterPrinted(tx, letterId, now);
    await recordAudit(tx, { staffId: actor.id, action: 'letter.printed', complaintId, subject: `letter:${letterId}`, requestId: request.requestId });
    return { document: fillTrackingCode(document, code), kind: stored.kind };
  });
  const bytes = await renderLetterPdf(source.document);
  return { fileName: letterFileName(facts.reference, source.kind), contentType: 'application/pdf', bytes };
}
