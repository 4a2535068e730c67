import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type AttachmentStorage, assertStorageKey } from './attachment-storage';

/**
 * The store every process keeps complaint files in: DATA_DIR/attachments. The portal writes there,
 * the back office reads, the worker removes what has expired, so all three take it from here.
 */
export function attachmentStorageFor(env: { DATA_DIR: string }): AttachmentStorage {
  return createLocalDiskStorage(path.resolve(env.DATA_DIR, 'attachments'));
}

/**
 * Files on local disk under one folder (DATA_DIR/attachments), outside anything a web server
 * serves. Each file is named by its random key alone, in a sub-folder of the key's first two
 * characters so no folder grows too large, and is readable by this user only.
 */
export function createLocalDiskStorage(
  folder: string,
  options: { randomBytes?: (length: number) => Uint8Array } = {},
): AttachmentStorage {
  const root = path.resolve(folder);
  const random = options.randomBytes ?? ((n: number) => nodeRandomBytes(n));
  const fileOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(bytes) {
      const key = Buffer.from(random(24)).toString('hex');
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written beside its final name and renamed, so a reader never sees half a file.
      const partial = `${file}.partial`;
      await writeFile(partial, bytes, { mode: 0o600, flag: 'wx' });
      await rename(partial, file);
      return key;
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(fileOf(key)));
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
