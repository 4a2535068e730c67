import type { Executor } from '@complaints/db';

/**
 * What a process reads from a database and keeps for `keepMs` (organisation settings that change
 * a few times a year), one copy per database handle. `read` returns the kept promise while it is
 * fresh and reads again once it is older; a failed read is not kept. `forget` drops it at once, for
 * a change made in this process; other processes keep theirs until it is stale.
 */
export function keptForAWhile<T>(load: (db: Executor) => Promise<T>, keepMs: number) {
  const kept = new WeakMap<object, { at: number; value: Promise<T> }>();
  return {
    read(db: Executor, now: number = performance.now()): Promise<T> {
      const found = kept.get(db);
      if (found && now - found.at < keepMs) return found.value;
      const value = load(db);
      kept.set(db, { at: now, value });
      value.catch(() => kept.delete(db));
      return value;
    },
    forget(db: Executor): void {
      kept.delete(db);
    },
  };
}
