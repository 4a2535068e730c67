import { findCaseAttachment, recordAudit } from '@complaints/db';
import type { AttachmentStorage } from '@complaints/storage';
import type { ServiceDependencies } from '../dependencies';
import { type CaseworkRequest, isUuid, visibleComplaint } from './casework-context';
import { Refusal } from '../refusal';

export type AttachmentFile = { fileName: string; contentType: string; bytes: Uint8Array };

/**
 * A file sent with a complaint, for someone who may see the complaint (anyone else is told there is
 * no such complaint). Served only as a download, with the type judged from its bytes when it came.
 */
export async function downloadAttachment(
  deps: Pick<ServiceDependencies, 'db'> & { storage: AttachmentStorage },
  request: CaseworkRequest,
  complaintId: string,
  attachmentId: string,
): Promise<AttachmentFile> {
  await visibleComplaint(deps.db, request.actor, complaintId);
  if (!isUuid(attachmentId)) throw new Refusal('not_found');
  const attachment = await findCaseAttachment(deps.db, complaintId, attachmentId);
  if (!attachment) throw new Refusal('not_found');
  const bytes = await deps.storage.get(attachment.storageKey);
  if (!bytes) throw new Refusal('not_found');
  await recordAudit(deps.db, {
    staffId: request.actor.id,
    action: 'attachment.downloaded',
    complaintId,
    subject: `attachment:${attachmentId}`,
    requestId: request.requestId,
  });
  return { fileName: attachment.originalName, contentType: attachment.contentType, bytes };
}
