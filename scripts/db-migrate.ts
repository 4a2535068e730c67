import { isPlainStartupError } from '@complaints/config';
import { openDatabase } from '@complaints/db';
import { migrateAsOwner } from './migrate-as-owner';

/**
 * `npm run db:migrate`: brings the database at DATABASE_URL up to date as its owner, before parts
 * started with DATABASE_MIGRATE=false are started or upgraded. Without DATABASE_URL, the embedded
 * database in DATA_DIR (which its parts migrate themselves anyway).
 */
async function main(): Promise<void> {
  const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || './data' });
  try {
    await migrateAsOwner(database);
  } finally {
    await database.close();
  }
  process.stdout.write('The database is up to date.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${isPlainStartupError(error) ? error.message : `The database could not be brought up to date: ${(error as Error)?.stack ?? String(error)}`}\n`);
  process.exitCode = 1;
});
