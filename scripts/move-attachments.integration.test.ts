import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createLocalDiskStorage, createS3Storage } from '@complaints/storage';
import { S3_TEST_CREDENTIALS, startS3TestServer } from '../packages/storage/src/testing/s3-test-server';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const cleanUp: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanUp) await step();
});

it('npm run db:move-attachments moves the files to the bucket, and running it again does nothing', async () => {
  const server = await startS3TestServer('moved-files');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'move-command-'));
  cleanUp.push(() => server.stop(), () => rm(dataDir, { recursive: true, force: true }));
  const disk = createLocalDiskStorage(path.join(dataDir, 'attachments'));
  const keys = [await disk.put(new TextEncoder().encode('a scan')), await disk.put(new TextEncoder().encode('a photo'))];

  const command = () =>
    run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/move-attachments.ts')], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        DATA_DIR: dataDir,
        ATTACHMENTS_BUCKET: server.bucket,
        ATTACHMENTS_ENDPOINT: server.endpoint,
        ATTACHMENTS_PREFIX: 'files/',
        AWS_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
      },
    });

  expect((await command()).stdout).toContain('Moved 2 file(s)');
  expect((await command()).stdout).toContain('Nothing to move');
  const client = server.client();
  const bucket = createS3Storage({ client, bucket: server.bucket, prefix: 'files/', encryption: 'AES256' });
  for (const key of keys) {
    expect(await bucket.get(key)).not.toBeNull();
    expect(await disk.get(key)).toBeNull();
  }
  client.destroy();
});

it('says which setting is missing when no bucket is named', async () => {
  const failed = await run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/move-attachments.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'development' },
  }).catch((error: { code: number; stderr: string }) => error);
  expect(failed).toMatchObject({ code: 1 });
  expect((failed as { stderr: string }).stderr).toContain('ATTACHMENTS_BUCKET is not set');
});
