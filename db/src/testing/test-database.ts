import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { type DatabaseHandle, openInMemory, openPostgres } from '../client';
import { useHistoryKey } from '../history-seal';
import './provided-context';

/** The tests' key for signing history: published, like the demo's, and used by tests only. */
export const TEST_HISTORY_KEY = new Uint8Array(32).fill(6);

export type TestDatabaseKind = 'pglite' | 'postgres';

/** The kinds of database this run can test against: always the embedded one; PostgreSQL when DATABASE_URL is set. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh database for a test file: a copy of the migrated template. On PostgreSQL it is a new
 * database cloned from the template, dropped when the file is done.
 */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<DatabaseHandle> {
  useHistoryKey(TEST_HISTORY_KEY);
  if (kind === 'pglite') {
    const tarball = readFileSync(inject('pgliteTemplatePath'));
    return openInMemory(new Blob([tarball]));
  }
  const template = inject('postgresTemplate');
  if (!template) throw new Error('PostgreSQL tests need DATABASE_URL.');
  const name = `complaints_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(template.url, { max: 1, onnotice: () => {} });
  try {
    // Cloning needs the template to have no other connections; retry briefly if a clone is running.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template.name}`);
        break;
      } catch (error) {
        if (attempt >= 20 || (error as { code?: string }).code !== '55006') throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const u = new URL(template.url);
  u.pathname = `/${name}`;
  const handle = await openPostgres(u.toString(), { max: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = postgres(template.url, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * Runs a suite once per available database, each with its own copy for the file. Tests in a file
 * share that copy, so they should create the data they need rather than rely on an empty one.
 */
export function describeEachDatabase(name: string, suite: (database: () => DatabaseHandle, kind: TestDatabaseKind) => void): void {
  for (const kind of testDatabaseKinds()) {
    describe(`${name} (${kind === 'pglite' ? 'embedded' : 'PostgreSQL'})`, () => {
      let handle: DatabaseHandle | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await handle?.close();
      });
      suite(() => {
        if (!handle) throw new Error('The test database is not open yet.');
        return handle;
      }, kind);
    });
  }
}
