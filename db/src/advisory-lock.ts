import postgres from 'postgres';
import type { DatabaseHandle } from './client';

/** Locks held while every instance starting at once does work that must happen once, one after another. */
export const STARTUP_LOCKS = {
  /** Bringing the schema up to date. */
  migrations: 724_310_991,
  /** Creating the job queue's queues (each adds a partition: two at once can deadlock). */
  jobQueues: 724_310_992,
} as const;

/**
 * Runs `work` while holding a PostgreSQL advisory lock on a connection of its own, so that several
 * instances starting together take turns. The embedded database belongs to one process, so there
 * is no one to take turns with. `work` is given the connection string, for tools that open their own.
 */
export async function whileHoldingStartupLock<T>(handle: DatabaseHandle, lock: number, work: () => Promise<T>): Promise<T> {
  if (handle.kind === 'pglite') return work();
  if (!handle.url) throw new Error('A PostgreSQL handle must carry its URL to take a lock.');
  const client = postgres(handle.url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${lock})`;
    try {
      return await work();
    } finally {
      await client`select pg_advisory_unlock(${lock})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
