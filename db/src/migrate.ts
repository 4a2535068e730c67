import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import { STARTUP_LOCKS, whileHoldingStartupLock } from './advisory-lock';
import type { DatabaseHandle } from './client';

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
