import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type AttachmentStorage, STORAGE_KEY_PATTERN, assertStorageKey } from './attachment-storage';
import { type S3Settings, s3StorageFromSettings } from './s3-storage';

export type StorageSettings = {
  DATA_DIR: string;
  ATTACHMENTS_BUCKET?: string | undefined;
} & Partial<Omit<S3Settings, 'ATTACHMENTS_BUCKET'>>;

/** Where files live on local disk: DATA_DIR/attachments. */
export function localAttachmentsFolder(env: { DATA_DIR: string }): string {
  return path.resolve(env.DATA_DIR, 'attachments');
}

/**
 * The store every process keeps complaint files in: the S3 bucket when ATTACHMENTS_BUCKET is set,
 * otherwise DATA_DIR/attachments. The portal writes there, the back office reads, the worker
 * removes what has expired, so all three take it from here.
 */
export function attachmentStorageFor(env: StorageSettings): AttachmentStorage {
  if (env.ATTACHMENTS_BUCKET) {
    return s3StorageFromSettings({
      ATTACHMENTS_BUCKET: env.ATTACHMENTS_BUCKET,
      ATTACHMENTS_PREFIX: env.ATTACHMENTS_PREFIX ?? 'attachments/',
      ATTACHMENTS_REGION: env.ATTACHMENTS_REGION ?? 'eu-west-2',
      ATTACHMENTS_ENDPOINT: env.ATTACHMENTS_ENDPOINT,
      ATTACHMENTS_ENCRYPTION: env.ATTACHMENTS_ENCRYPTION ?? 'AES256',
      ATTACHMENTS_KMS_KEY_ID: env.ATTACHMENTS_KMS_KEY_ID,
    });
  }
  return createLocalDiskStorage(localAttachmentsFolder(env));
}

/** The keys of every whole file stored on local disk under a folder (half-written ones are left out). */
export async function* localStorageKeys(folder: string): AsyncGenerator<string> {
  const root = path.resolve(folder);
  let shards: string[];
  try {
    shards = await readdir(root);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return;
    throw error;
  }
  for (const shard of shards.sort()) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const name of (await readdir(path.join(root, shard))).sort()) {
      if (STORAGE_KEY_PATTERN.test(name) && name.startsWith(shard)) yield name;
    }
  }
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
