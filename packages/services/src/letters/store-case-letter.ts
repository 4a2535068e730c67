import { insertLetter, reviseLetter, type Transaction } from '@complaints/db';
import type { LetterState } from '@complaints/domain';
import { renderHtmlDocument } from '@complaints/documents';
import type { WrittenCaseLetter } from './case-letter';
import { fillTrackingCode, toStoredDocument } from './letter-document';

/**
 * Keeps a letter just written: as a new letter, or as the next version of one that is still a
 * draft or came back from quality assurance (every earlier version is kept). The HTML kept beside
 * it is what staff and the email see: the tracking code's place says it is on the paper copy only.
 */
export async function storeCaseLetter(
  tx: Transaction,
  args: { complaintId: string; written: WrittenCaseLetter; staffId: string | null; now: Date; existingLetterId: string | null; state: LetterState },
): Promise<{ letterId: string; version: number }> {
  const { written } = args;
  // What every version of the letter carries, whether it is the first or a later one.
  const content = {
    templateId: written.templateId,
    subject: written.subject,
    html: renderHtmlDocument(fillTrackingCode(written.document, null)),
    document: toStoredDocument(written.document),
    delivery: written.delivery,
    recipient: written.recipient,
    message: written.message,
  };
  if (args.existingLetterId) {
    const version = await reviseLetter(tx, args.existingLetterId, { ...content, staffId: args.staffId, at: args.now });
    return { letterId: args.existingLetterId, version };
  }
  const letterId = await insertLetter(tx, {
    ...content,
    complaintId: args.complaintId,
    stage: written.stage,
    kind: written.kind,
    audience: written.document.audience,
    language: written.document.language,
    state: args.state,
    createdBy: args.staffId,
    createdAt: args.now,
  });
  return { letterId, version: 1 };
}
