import { type DatabaseHandle, migrateDatabase, seedReferenceData } from '@complaints/db';
import { prepareJobQueue } from '@complaints/worker';

/**
 * Everything a part otherwise does to the database when it starts, for deployments whose parts run
 * with DATABASE_MIGRATE=false as roles that may not change the schema: the migrations (which also
 * grant those roles what they need on the tables), the reference data, and the job queue's tables,
 * queues and grants. Run as the schema's owner; safe to run again, and beside running parts.
 */
export async function migrateAsOwner(database: DatabaseHandle): Promise<void> {
  await migrateDatabase(database);
  await seedReferenceData(database.db);
  await prepareJobQueue(database);
}
