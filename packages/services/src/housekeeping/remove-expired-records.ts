import { listExpiredDraftFiles, removeExpiredRecords as removeExpired } from '@complaints/db';
import type { AttachmentStorage } from '@complaints/storage';
import type { ServiceDependencies } from '../dependencies';

/**
 * Daily: clears expired drafts with the files uploaded to them, one-time codes, rate-limit windows
 * and sessions. The files go first: if one cannot be deleted the run stops before any row is
 * removed, so the next run finds the same files again and nothing is left behind unreferenced.
 */
export async function removeExpiredRecords(
  deps: Pick<ServiceDependencies, 'db' | 'clock'> & { storage: AttachmentStorage },
): Promise<Record<string, number>> {
  const now = deps.clock.now();
  const keys = await listExpiredDraftFiles(deps.db, now);
  for (const key of keys) await deps.storage.delete(key);
  return { ...(await removeExpired(deps.db, now)), filesDeleted: keys.length };
}
