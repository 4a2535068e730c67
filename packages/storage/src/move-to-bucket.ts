import { createHash } from 'node:crypto';
import { createLocalDiskStorage, localStorageKeys } from './local-disk-storage';
import type { S3AttachmentStorage } from './s3-storage';

export type MoveReport = {
  /** Files copied to the bucket, checked there and removed from disk. */
  moved: number;
  /** Files the bucket already held whole (an earlier run stopped before removing them from disk). */
  alreadyInBucket: number;
};

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Moves every file kept on local disk under `folder` into the bucket, under the same key, so the
 * database's references stay as they are. Each file is removed from disk only once the bucket
 * gives back the same bytes. Safe to run again, and after a run that stopped part-way: a file the
 * bucket already holds whole is not sent twice, and a run with nothing left on disk does nothing.
 */
export async function moveLocalFilesToBucket(options: {
  folder: string;
  bucket: S3AttachmentStorage;
  onFile?: (key: string, outcome: 'moved' | 'already-in-bucket') => void;
}): Promise<MoveReport> {
  const disk = createLocalDiskStorage(options.folder);
  const report: MoveReport = { moved: 0, alreadyInBucket: 0 };
  for await (const key of localStorageKeys(options.folder)) {
    const bytes = await disk.get(key);
    if (bytes === null) continue; // removed since it was listed (by the expiry job, say)
    const held = await options.bucket.get(key);
    const alreadyThere = held !== null && digest(held) === digest(bytes);
    if (!alreadyThere) {
      await options.bucket.putAt(key, bytes);
      const copy = await options.bucket.get(key);
      if (copy === null || digest(copy) !== digest(bytes)) {
        throw new Error(`The bucket did not give back the same bytes for a file (key ${key.slice(0, 6)}…); it was left on disk.`);
      }
    }
    await disk.delete(key);
    if (alreadyThere) report.alreadyInBucket += 1;
    else report.moved += 1;
    options.onFile?.(key, alreadyThere ? 'already-in-bucket' : 'moved');
  }
  return report;
}
