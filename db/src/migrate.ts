import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import { STARTUP_LOCKS, whileHoldingStartupLock } from './advisory-lock';
import { type DatabaseHandle, queryRows } from './client';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Brings the schema up to date. The same SQL migrations run on the embedded database and on
 * PostgreSQL. On PostgreSQL an advisory lock on a dedicated connection makes concurrent starts safe.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  await whileHoldingStartupLock(handle, STARTUP_LOCKS.migrations, async () => {
    const client = postgres(handle.url!, { max: 1, onnotice: () => {} });
    try {
      await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    } finally {
      await client.end({ timeout: 5 });
    }
  });
}

/**
 * Whether every migration in this build has been applied: what a part that does not migrate (its
 * role may not change the schema) checks before it starts. Drizzle applies a migration when it is
 * newer than the newest one recorded, so the schema is current when the newest recorded is at least
 * the newest here. No record at all (a database never migrated) is not current.
 */
export async function isSchemaCurrent(handle: DatabaseHandle): Promise<boolean> {
  const newest = Math.max(...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
  try {
    const [row] = await queryRows<{ applied: string | number | null }>(
      handle.db,
      sql`select max(created_at) as applied from drizzle.__drizzle_migrations`,
    );
    return row?.applied != null && Number(row.applied) >= newest;
  } catch (error) {
    // No schema drizzle, no table in it (never migrated), or not yet granted to this role (migrated
    // before the parts had roles of their own).
    const { code, cause } = error as { code?: string; cause?: { code?: string } };
    if (['3F000', '42P01', '42501'].includes(code ?? cause?.code ?? '')) return false;
    throw error;
  }
}

/**
 * Lets the worker's role use the job queue's tables, which pg-boss makes when it starts (so no
 * migration can grant them): every table and sequence now in its schema. Run by the owner after
 * pg-boss has made them; running it again changes nothing.
 */
export async function grantJobQueueToWorker(handle: DatabaseHandle, schema: string): Promise<void> {
  const name = sql.identifier(schema);
  await handle.db.execute(sql`grant usage on schema ${name} to complaints_worker`);
  await handle.db.execute(sql`grant select, insert, update, delete on all tables in schema ${name} to complaints_worker`);
  await handle.db.execute(sql`grant usage, select on all sequences in schema ${name} to complaints_worker`);
}
