import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../client';
import { attachments } from '../schema/index';

/**
 * Files sent with a complaint. While the form is being filled in they belong to its draft; when it
 * is sent they move to the complaint (`markFormDraftSent`). Only the random storage key finds the bytes.
 */

export type AttachmentRecord = {
  id: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  storageKey: string;
  createdAt: Date;
};

const columns = {
  id: attachments.id,
  originalName: attachments.originalName,
  contentType: attachments.contentType,
  sizeBytes: attachments.sizeBytes,
  storageKey: attachments.storageKey,
  createdAt: attachments.createdAt,
};

export async function insertDraftAttachment(
  db: Executor,
  file: { draftId: string; storageKey: string; originalName: string; contentType: string; sizeBytes: number; sha256: string; now: Date },
): Promise<string> {
  const [row] = await db
    .insert(attachments)
    .values({
      draftId: file.draftId,
      storageKey: file.storageKey,
      originalName: file.originalName,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      createdAt: file.now,
    })
    .returning({ id: attachments.id });
  return row!.id;
}

export async function listDraftAttachments(db: Executor, draftId: string): Promise<AttachmentRecord[]> {
  return db
    .select(columns)
    .from(attachments)
    .where(and(eq(attachments.draftId, draftId), isNull(attachments.complaintId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export async function countDraftAttachments(db: Executor, draftId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(attachments)
    .where(and(eq(attachments.draftId, draftId), isNull(attachments.complaintId)));
  return Number(row?.n ?? 0);
}

/** Removes a file from a draft not yet sent; returns its storage key so the bytes can go too. */
export async function deleteDraftAttachment(db: Executor, draftId: string, attachmentId: string): Promise<string | null> {
  const [row] = await db
    .delete(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.draftId, draftId), isNull(attachments.complaintId)))
    .returning({ storageKey: attachments.storageKey });
  return row?.storageKey ?? null;
}

export async function listComplaintAttachments(db: Executor, complaintId: string): Promise<AttachmentRecord[]> {
  return db.select(columns).from(attachments).where(eq(attachments.complaintId, complaintId)).orderBy(asc(attachments.createdAt), asc(attachments.id));
}
