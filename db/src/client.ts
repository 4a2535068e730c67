import { mkdirSync, accessSync, constants, writeFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { SQL } from 'drizzle-orm';
import postgres from 'postgres';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The one database type every repository takes, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything a repository can run a query on: the database or a transaction inside it. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** A description for logs, with no password in it. */
  description: string;
  /** Only for the embedded database: the PGlite instance (the job queue talks to it directly). */
  pglite?: PGlite;
  /** Only for PostgreSQL: the connection string, for the job queue's own pool. */
  url?: string;
  close(): Promise<void>;
};

/** The extensions the migrations create (PostgreSQL has them in its contrib; PGlite loads them here). */
const PGLITE_EXTENSIONS: PGliteOptions['extensions'] = { pg_trgm };

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** Runs a raw statement and returns its rows, hiding the drivers' different result shapes. */
export async function queryRows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the DATABASE_URL given';
  }
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DatabaseHandle> {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 10,
    idle_timeout: 30,
    // Each statement is planned for the values it is given, as an unnamed one is, however often the
    // connection has run it: a plan made once for any values could suit a queue's filters badly.
    connection: { plan_cache_mode: 'force_custom_plan' },
  });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnavailableError(
      `Cannot reach the database at ${redactUrl(url)} (${describeConnectionError(error)}). ` +
        'Check that PostgreSQL is running and that DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.',
    );
  }
  const db = drizzlePostgres(preparedStatements(client), { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    description: redactUrl(url),
    url,
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * The client as drizzle is given it: every statement with values is sent as a prepared statement,
 * which postgres.js keeps on each connection by its text. drizzle asks for an unnamed statement
 * unless a query is named, and postgres.js describes an unnamed statement with values before it
 * runs it, a round trip of its own: a page making ten queries waited on twenty. A prepared one is
 * described the first time a connection runs it and is then one round trip. (postgres.js has no
 * setting for this: its own option can only turn prepared statements off.) Transactions and
 * savepoints hand drizzle a client of their own, which gets the same treatment. What a connection
 * keeps is bounded by the statements the code has, and goes when postgres.js retires the
 * connection (after 30 to 60 minutes).
 */
function preparedStatements(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === 'unsafe') {
        return (query: string, params?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(query, params as never, { ...options, prepare: Array.isArray(params) && params.length > 0 });
      }
      if (key === 'begin' || key === 'savepoint') {
        const open = Reflect.get(target, key, receiver) as (...args: unknown[]) => Promise<unknown>;
        return (...args: unknown[]) => {
          const work = args.pop() as (inner: postgres.Sql) => unknown;
          return open.call(target, ...args, (inner: postgres.Sql) => work(preparedStatements(inner)));
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

function describeConnectionError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.code === 'ECONNREFUSED') return 'connection refused';
  if (e.code === 'ENOTFOUND') return 'host not found';
  if (e.code === '3D000') return 'that database does not exist';
  if (e.code === '28P01' || e.code === '28000') return 'the user name or password was refused';
  if (e.code === 'CONNECT_TIMEOUT') return 'the connection timed out';
  return e.message ?? String(error);
}

/**
 * Only one process may open an embedded data folder: two would lose writes or corrupt it. A lock
 * file with the owner's pid guards it; a stale lock from a process that has gone is taken over.
 */
function takeFolderLock(folder: string): () => void {
  const lockPath = path.join(folder, 'owner.pid');
  try {
    const pid = Number(readFileSync(lockPath, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseUnavailableError(
        `Another process (pid ${pid}) is already using the embedded database in ${folder}. ` +
          'Stop it first, or set DATA_DIR to another folder.',
      );
    }
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw error;
  }
  writeFileSync(lockPath, String(process.pid));
  return () => rmSync(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

export async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  const folder = path.resolve(dataDir, 'pglite');
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new DatabaseUnavailableError(
      `The data folder ${path.resolve(dataDir)} is not writable (${(error as { code?: string }).code ?? 'unknown error'}). ` +
        'Set DATA_DIR to a folder this user can write to, or fix the folder permissions.',
    );
  }
  const releaseLock = takeFolderLock(path.resolve(dataDir));
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir: folder, extensions: PGLITE_EXTENSIONS });
  } catch (error) {
    releaseLock();
    throw new DatabaseUnavailableError(
      `The embedded database in ${folder} could not be opened (${(error as Error).message}). ` +
        'If it was copied or damaged, move the folder away to start with an empty database.',
    );
  }
  return wrapPglite(pglite, `embedded database in ${folder}`, async () => {
    await pglite.close();
    releaseLock();
  });
}

/** An in-memory database, for tests. */
export async function openInMemory(loadDataDir?: Blob | File): Promise<DatabaseHandle> {
  const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS, ...(loadDataDir ? { loadDataDir } : {}) });
  return wrapPglite(pglite, 'in-memory database', () => pglite.close());
}

function wrapPglite(pglite: PGlite, description: string, close: () => Promise<void>): DatabaseHandle {
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  return { db, kind: 'pglite', description, pglite, close };
}

/** PostgreSQL when a URL is given, otherwise the embedded database in the data folder. */
export function openDatabase(options: { url?: string | undefined; dataDir: string }): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url) : openEmbedded(options.dataDir);
}
