import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InvalidStorageKeyError } from './attachment-storage';
import { attachmentStorageFor, createLocalDiskStorage, localStorageKeys } from './local-disk-storage';
import { moveLocalFilesToBucket } from './move-to-bucket';
import { createS3Storage, type S3AttachmentStorage } from './s3-storage';
import { S3_TEST_CREDENTIALS, type S3TestServer, startS3TestServer } from './testing/s3-test-server';

let server: S3TestServer;
let client: S3Client;
let prefixCount = 0;

beforeAll(async () => {
  server = await startS3TestServer();
  client = server.client();
});

afterAll(async () => {
  client?.destroy();
  await server?.stop();
});

/** A store under a prefix of its own, so the tests do not see each other's files. */
function storeUnderNewPrefix(options: { encryption?: 'AES256' | 'aws:kms'; kmsKeyId?: string } = {}): S3AttachmentStorage {
  prefixCount += 1;
  return createS3Storage({
    client,
    bucket: server.bucket,
    prefix: `test-${prefixCount}/attachments/`,
    encryption: options.encryption ?? 'AES256',
    kmsKeyId: options.kmsKeyId,
  });
}

/** Whether the bucket holds an object under exactly this name (read as any S3 client would). */
async function heldAt(objectKey: string): Promise<boolean> {
  try {
    await client.send(new GetObjectCommand({ Bucket: server.bucket, Key: objectKey }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return false;
    throw error;
  }
}

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('files in an S3 bucket', () => {
  it('keeps a file under the prefix and its random key, gives it back whole and removes it', async () => {
    const store = storeUnderNewPrefix();
    const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) % 256);
    const key = await store.put(bytes);
    expect(key).toMatch(/^[0-9a-f]{48}$/);
    expect(await heldAt(`${store.prefix}${key}`)).toBe(true);
    expect(await heldAt(key)).toBe(false);
    expect(Buffer.from((await store.get(key))!).equals(Buffer.from(bytes))).toBe(true);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    expect(await heldAt(`${store.prefix}${key}`)).toBe(false);
  });

  it('answers a key with nothing stored with null, and removing it again is not an error', async () => {
    const store = storeUnderNewPrefix();
    const key = 'ab'.repeat(24);
    expect(await store.get(key)).toBeNull();
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it('refuses anything that is not a storage key before asking the bucket', async () => {
    const store = storeUnderNewPrefix();
    await expect(store.get('../../other-bucket/secret')).rejects.toThrow(InvalidStorageKeyError);
    await expect(store.delete('ABC')).rejects.toThrow(InvalidStorageKeyError);
  });

  it('asks for server-side encryption on every file it writes', async () => {
    const seen: Record<string, string>[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { method?: string; headers?: Record<string, string> };
        if (request.method === 'PUT') seen.push({ ...request.headers });
        return next(args);
      },
      { step: 'finalizeRequest', name: 'recordPuts' },
    );
    try {
      await storeUnderNewPrefix().put(bytesOf('first'));
      await storeUnderNewPrefix({ encryption: 'aws:kms', kmsKeyId: 'alias/complaint-files' }).put(bytesOf('second'));
    } finally {
      client.middlewareStack.remove('recordPuts');
    }
    expect(seen.map((headers) => headers['x-amz-server-side-encryption'])).toEqual(['AES256', 'aws:kms']);
    expect(seen[1]?.['x-amz-server-side-encryption-aws-kms-key-id']).toBe('alias/complaint-files');
  });
});

describe('the store each process uses', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'storage-choice-'));
    return () => rm(dataDir, { recursive: true, force: true });
  });

  it('is the bucket when ATTACHMENTS_BUCKET is set, and nothing is written to disk', async () => {
    process.env.AWS_ACCESS_KEY_ID = S3_TEST_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = S3_TEST_CREDENTIALS.secretAccessKey;
    const store = attachmentStorageFor({
      DATA_DIR: dataDir,
      ATTACHMENTS_BUCKET: server.bucket,
      ATTACHMENTS_PREFIX: 'chosen/',
      ATTACHMENTS_ENDPOINT: server.endpoint,
    });
    const key = await store.put(bytesOf('kept in the bucket'));
    expect(await heldAt(`chosen/${key}`)).toBe(true);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('is local disk under DATA_DIR/attachments when no bucket is set', async () => {
    const store = attachmentStorageFor({ DATA_DIR: dataDir });
    const key = await store.put(bytesOf('kept on disk'));
    const keys: string[] = [];
    for await (const stored of localStorageKeys(path.join(dataDir, 'attachments'))) keys.push(stored);
    expect(keys).toEqual([key]);
  });
});

describe('moving files from disk to the bucket', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'move-attachments-'));
    return () => rm(folder, { recursive: true, force: true });
  });

  it('moves every file under its own key, and a second run finds nothing left to do', async () => {
    const disk = createLocalDiskStorage(folder);
    const contents = ['one', 'two', 'three'].map(bytesOf);
    const keys = await Promise.all(contents.map((bytes) => disk.put(bytes)));
    // A file still being written when the move started is not a file yet: it is left alone.
    await writeFile(path.join(folder, keys[0]!.slice(0, 2), `${keys[0]}.partial`), 'half');
    const bucket = storeUnderNewPrefix();

    expect(await moveLocalFilesToBucket({ folder, bucket })).toEqual({ moved: 3, alreadyInBucket: 0 });
    for (const [i, key] of keys.entries()) {
      expect(new TextDecoder().decode((await bucket.get(key))!)).toBe(new TextDecoder().decode(contents[i]));
      expect(await disk.get(key)).toBeNull();
    }
    expect(await moveLocalFilesToBucket({ folder, bucket })).toEqual({ moved: 0, alreadyInBucket: 0 });
    for (const key of keys) expect(await heldAt(`${bucket.prefix}${key}`)).toBe(true);
  });

  it('finishes a run that stopped after copying a file but before removing it from disk', async () => {
    const disk = createLocalDiskStorage(folder);
    const key = await disk.put(bytesOf('copied, not yet removed'));
    const bucket = storeUnderNewPrefix();
    await bucket.putAt(key, bytesOf('copied, not yet removed'));

    expect(await moveLocalFilesToBucket({ folder, bucket })).toEqual({ moved: 0, alreadyInBucket: 1 });
    expect(await disk.get(key)).toBeNull();
    expect(new TextDecoder().decode((await bucket.get(key))!)).toBe('copied, not yet removed');
  });

  it('sends the file again when the bucket holds a different copy under its key', async () => {
    const disk = createLocalDiskStorage(folder);
    const key = await disk.put(bytesOf('the whole file'));
    const bucket = storeUnderNewPrefix();
    await bucket.putAt(key, bytesOf('the wh'));

    expect(await moveLocalFilesToBucket({ folder, bucket })).toEqual({ moved: 1, alreadyInBucket: 0 });
    expect(new TextDecoder().decode((await bucket.get(key))!)).toBe('the whole file');
  });

  it('does nothing when there is no folder of files at all', async () => {
    const bucket = storeUnderNewPrefix();
    await mkdir(path.join(folder, 'empty'));
    expect(await moveLocalFilesToBucket({ folder: path.join(folder, 'missing'), bucket })).toEqual({ moved: 0, alreadyInBucket: 0 });
    expect(await moveLocalFilesToBucket({ folder: path.join(folder, 'empty'), bucket })).toEqual({ moved: 0, alreadyInBucket: 0 });
  });
});
