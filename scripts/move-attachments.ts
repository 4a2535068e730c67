import { ConfigurationError, readEnvironment } from '@complaints/config';
import { localAttachmentsFolder, moveLocalFilesToBucket, s3StorageFromSettings } from '@complaints/storage';

/**
 * Moves complaint files kept on local disk (DATA_DIR/attachments) into the S3 bucket named by
 * ATTACHMENTS_BUCKET: `npm run db:move-attachments`. Each file keeps its key, so nothing in the
 * database changes, and leaves the disk only once the bucket gives back the same bytes. Run it
 * again as often as wanted: a run that was stopped part-way is finished, and one with nothing
 * left to move says so. The processes may keep running meanwhile once they are started with
 * ATTACHMENTS_BUCKET set: they read and write the bucket, and this moves what is left behind.
 */
async function main(): Promise<void> {
  const env = readEnvironment();
  if (!env.ATTACHMENTS_BUCKET) {
    throw new ConfigurationError('ATTACHMENTS_BUCKET is not set: name the bucket the files should move to, with ATTACHMENTS_REGION (or ATTACHMENTS_ENDPOINT) beside it.');
  }
  const folder = localAttachmentsFolder(env);
  const bucket = s3StorageFromSettings({ ...env, ATTACHMENTS_BUCKET: env.ATTACHMENTS_BUCKET });
  process.stdout.write(`Moving files from ${folder} to s3://${bucket.bucket}/${bucket.prefix}\n`);
  const report = await moveLocalFilesToBucket({ folder, bucket });
  process.stdout.write(
    report.moved + report.alreadyInBucket === 0
      ? 'Nothing to move: no files are left on disk.\n'
      : `Moved ${report.moved} file(s); ${report.alreadyInBucket} were already in the bucket and were removed from disk.\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigurationError ? error.message : `The files could not all be moved: ${(error as Error).message}`}\n`);
  process.exitCode = 1;
});
