import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import { S3Client } from '@aws-sdk/client-s3';

/** The credentials the test server accepts (its defaults). */
export const S3_TEST_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export type S3TestServer = {
  endpoint: string;
  bucket: string;
  /** A client for the server, as the service's own would be made. */
  client(): S3Client;
  stop(): Promise<void>;
};

/**
 * A real S3-compatible server (s3rver: the S3 REST API over a folder) on loopback, on a port of its
 * own, with one empty bucket. It speaks the same protocol and checks the same request signatures
 * as S3, so the storage code is tested against HTTP, not a stand-in.
 */
export async function startS3TestServer(bucket = 'complaint-files'): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(tmpdir(), 's3-test-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    client: () => new S3Client({ region: 'eu-west-2', endpoint, forcePathStyle: true, credentials: S3_TEST_CREDENTIALS }),
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
