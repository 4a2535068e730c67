import { listComplaintAttachments } from '@complaints/db';
import { renderPdf } from '@complaints/documents';
import type { FlowId } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { complaintReceiptDocument } from './complaint-receipt-document';
import { showSentComplaint } from './show-sent-complaint';

export type ComplaintReceipt = { kind: 'gone' } | { kind: 'pdf'; reference: string; pdf: Uint8Array };

/** The receipt PDF of the complaint this browser has just sent (found through its draft cookie only). */
export async function renderComplaintReceipt(
  deps: Pick<ServiceDependencies, 'db' | 'clock'>,
  input: { flow: FlowId; token: string | null; language: 'en' | 'cy'; trackUrl?: string | undefined },
): Promise<ComplaintReceipt> {
  const sent = await showSentComplaint(deps, input);
  if (sent.kind !== 'sent') return { kind: 'gone' };
  const files = await listComplaintAttachments(deps.db, sent.complaint.id);
  const source = complaintReceiptDocument(sent.complaint, { language: input.language, fileNames: files.map((f) => f.originalName), trackUrl: input.trackUrl });
  return { kind: 'pdf', reference: sent.complaint.reference, pdf: await renderPdf(source) };
}
