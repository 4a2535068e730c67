import { and, count, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../client';
import { staffRecoveryCodes } from '../schema/index';

/** Replaces a member of staff's recovery codes with a new set (their hashes), in the caller's transaction. */
export async function replaceStaffRecoveryCodes(db: Executor, staffId: string, hashes: string[], now: Date): Promise<void> {
  await db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
  if (hashes.length > 0) await db.insert(staffRecoveryCodes).values(hashes.map((codeHash) => ({ staffId, codeHash, createdAt: now })));
}

/**
 * Marks a recovery code used, if it is theirs and not used yet: one statement, so the same code
 * sent twice at once is accepted once.
 */
export async function useStaffRecoveryCode(db: Executor, staffId: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(staffRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(staffRecoveryCodes.staffId, staffId), eq(staffRecoveryCodes.codeHash, codeHash), isNull(staffRecoveryCodes.usedAt)))
    .returning({ staffId: staffRecoveryCodes.staffId });
  return rows.length > 0;
}

/** How many of their recovery codes are left to use. */
export async function countUnusedStaffRecoveryCodes(db: Executor, staffId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.staffId, staffId), isNull(staffRecoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}
