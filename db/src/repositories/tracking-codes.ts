import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../client';
import { trackingCodes } from '../schema/index';

/**
 * Tracking codes printed on postal letters: only their hashes are kept. A complaint has at most one
 * code that works, the one most recently printed.
 */

/** Stores a new code's hash and revokes every earlier code of the complaint, in the caller's transaction. */
export async function replaceTrackingCode(tx: Executor, complaintId: string, codeHash: string, at: Date): Promise<void> {
  await tx
    .update(trackingCodes)
    .set({ revokedAt: at })
    .where(and(eq(trackingCodes.complaintId, complaintId), isNull(trackingCodes.revokedAt)));
  await tx.insert(trackingCodes).values({ complaintId, codeHash, createdAt: at });
}

/** Whether a code (by its hash) is the complaint's working code. */
export async function isCurrentTrackingCode(db: Executor, complaintId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .select({ id: trackingCodes.id })
    .from(trackingCodes)
    .where(and(eq(trackingCodes.complaintId, complaintId), eq(trackingCodes.codeHash, codeHash), isNull(trackingCodes.revokedAt)))
    .limit(1);
  return rows.length > 0;
}
