import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../client';
import { attachments, formDrafts, rateLimits, staffSessions, trackingChallenges } from '../schema/index';

/** The stored files of unsent drafts that expired before `now`: deleted from storage before their rows go. */
export async function listExpiredDraftFiles(db: Executor, now: Date): Promise<string[]> {
  const rows = await db
    .select({ storageKey: attachments.storageKey })
    .from(attachments)
    .innerJoin(formDrafts, eq(formDrafts.id, attachments.draftId))
    .where(and(lt(formDrafts.expiresAt, now), isNull(attachments.complaintId)));
  return rows.map((r) => r.storageKey);
}

/**
 * Removes what has expired and is of no further use: form drafts (with the rows of the files
 * uploaded to drafts never sent), one-time codes, old rate-limit windows and ended sessions. Nothing
 * here is part of a complaint's record.
 */
export async function removeExpiredRecords(db: Executor, now: Date): Promise<Record<string, number>> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const { drafts, files } = await db.transaction(async (tx) => {
    // A sent draft only remembered which complaint it became, for its confirmation page; once it
    // has expired that page is gone too, so it goes with the rest.
    const expired = await tx.delete(formDrafts).where(lt(formDrafts.expiresAt, now)).returning({ id: formDrafts.id });
    const removed =
      expired.length === 0
        ? []
        : await tx
            .delete(attachments)
            .where(and(inArray(attachments.draftId, expired.map((d) => d.id)), isNull(attachments.complaintId)))
            .returning({ id: attachments.id });
    return { drafts: expired, files: removed };
  });
  const codes = await db.delete(trackingChallenges).where(lt(trackingChallenges.expiresAt, dayAgo)).returning({ id: trackingChallenges.id });
  const limits = await db.delete(rateLimits).where(lt(rateLimits.windowStartedAt, dayAgo)).returning({ bucket: rateLimits.bucket });
  const sessions = await db.delete(staffSessions).where(lt(staffSessions.expiresAt, now)).returning({ id: staffSessions.id });
  return { drafts: drafts.length, draftFiles: files.length, trackingCodes: codes.length, rateLimits: limits.length, sessions: sessions.length };
}
