import { randomBytes as nodeRandomBytes } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type ServerSideEncryption,
} from '@aws-sdk/client-s3';
import { type AttachmentStorage, assertStorageKey } from './attachment-storage';

export type S3StorageOptions = {
  client: S3Client;
  bucket: string;
  /** Folder names ending in "/", or empty: every key is stored as prefix + key. */
  prefix: string;
  /** Asked of the store for every file it keeps. */
  encryption: 'AES256' | 'aws:kms';
  /** With aws:kms, the key to use; unset, the account's default key for S3. */
  kmsKeyId?: string | undefined;
  randomBytes?: (length: number) => Uint8Array;
};

/** The S3 store, with what moving files into it needs beyond the three operations. */
export type S3AttachmentStorage = AttachmentStorage & {
  /** Stores bytes under a key already made elsewhere (moving a file from disk keeps its key). */
  putAt(key: string, bytes: Uint8Array): Promise<void>;
  readonly bucket: string;
  readonly prefix: string;
};

export type S3Settings = {
  ATTACHMENTS_BUCKET: string;
  ATTACHMENTS_PREFIX: string;
  ATTACHMENTS_REGION: string;
  ATTACHMENTS_ENDPOINT?: string | undefined;
  ATTACHMENTS_ENCRYPTION: 'AES256' | 'aws:kms';
  ATTACHMENTS_KMS_KEY_ID?: string | undefined;
};

/** The S3 client and store the settings describe. */
export function s3StorageFromSettings(settings: S3Settings): S3AttachmentStorage {
  const client = new S3Client({
    region: settings.ATTACHMENTS_REGION,
    ...(settings.ATTACHMENTS_ENDPOINT
      ? // S3-compatible stores are addressed by path: their buckets have no DNS names of their own.
        { endpoint: settings.ATTACHMENTS_ENDPOINT, forcePathStyle: true }
      : {}),
  });
  return createS3Storage({
    client,
    bucket: settings.ATTACHMENTS_BUCKET,
    prefix: settings.ATTACHMENTS_PREFIX,
    encryption: settings.ATTACHMENTS_ENCRYPTION,
    kmsKeyId: settings.ATTACHMENTS_KMS_KEY_ID,
  });
}

function isMissing(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404;
  }
  return false;
}

/**
 * Files in an S3 bucket (or an S3-compatible store), each under the prefix and its random key
 * alone, with server-side encryption asked for on every write. Any number of processes on any
 * number of machines share it, which local disk cannot offer.
 */
export function createS3Storage(options: S3StorageOptions): S3AttachmentStorage {
  const { client, bucket, prefix } = options;
  const random = options.randomBytes ?? ((n: number) => nodeRandomBytes(n));
  const objectKey = (key: string) => {
    assertStorageKey(key);
    return `${prefix}${key}`;
  };
  const encryption = {
    ServerSideEncryption: options.encryption satisfies `${ServerSideEncryption}`,
    ...(options.encryption === 'aws:kms' && options.kmsKeyId ? { SSEKMSKeyId: options.kmsKeyId } : {}),
  };
  const putAt = async (key: string, bytes: Uint8Array) => {
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: objectKey(key),
        Body: bytes,
        ContentLength: bytes.byteLength,
        // What a file is, is judged from its bytes and kept in the database; the store holds bytes only.
        ContentType: 'application/octet-stream',
        ...encryption,
      }),
    );
  };
  return {
    bucket,
    prefix,
    putAt,
    async put(bytes) {
      const key = Buffer.from(random(24)).toString('hex');
      await putAt(key, bytes);
      return key;
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        if (!object.Body) return null;
        return await object.Body.transformToByteArray();
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      // S3 answers a delete of a missing key with success, as the interface asks.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    },
  };
}
