import { type Executor, findLetterForDelivery } from '@complaints/db';
import type { EmailAttachment } from '@complaints/notifications';
import { fillTrackingCode, fromStoredDocument, letterFileName, renderLetterPdf } from './letter-document';

/**
 * A letter's PDF to attach to the email that carries it, made from the letter as it was written
 * when the email goes (so the outbox holds no bytes). Throws when the letter cannot be made, so the
 * delivery is retried rather than sent without the letter it promises.
 */
export async function letterPdfAttachment(db: Executor, letterId: string | null): Promise<EmailAttachment> {
  const stored = letterId ? await findLetterForDelivery(db, letterId) : null;
  const source = stored ? fromStoredDocument(stored.document) : null;
  if (!stored || !source) throw new Error('The letter to attach could not be found.');
  const content = await renderLetterPdf(fillTrackingCode(source, null));
  return { filename: letterFileName(source.footer ?? 'letter', stored.kind), content, contentType: 'application/pdf' };
}
