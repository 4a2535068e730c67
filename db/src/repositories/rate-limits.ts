import { sql } from 'drizzle-orm';
import { type Database, type Executor, queryRows } from '../client';

export type RateLimitResult = { allowed: boolean; hits: number; retryAfterSeconds: number };

/**
 * Counts a hit in a fixed window shared by every instance (the counter lives in the database), and
 * says whether it is within the limit. One statement, so concurrent hits are counted exactly.
 */
export async function hitRateLimit(
  db: Executor,
  bucket: string,
  options: { limit: number; windowSeconds: number; now: Date },
): Promise<RateLimitResult> {
  // Instants go in as ISO strings with a cast: postgres.js cannot infer a parameter's type inside CASE.
  const now = options.now.toISOString();
  const windowStart = new Date(options.now.getTime() - options.windowSeconds * 1000).toISOString();
  const [row] = await queryRows<{ hits: number; window_started_at: Date | string }>(
    db,
    sql`insert into rate_limits (bucket, window_started_at, hits) values (${bucket}, ${now}::timestamptz, 1)
        on conflict (bucket) do update set
          hits = case when rate_limits.window_started_at <= ${windowStart}::timestamptz then 1 else rate_limits.hits + 1 end,
          window_started_at = case when rate_limits.window_started_at <= ${windowStart}::timestamptz then ${now}::timestamptz else rate_limits.window_started_at end
        returning hits, window_started_at`,
  );
  const hits = Number(row!.hits);
  const started = new Date(row!.window_started_at).getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil((started + options.windowSeconds * 1000 - options.now.getTime()) / 1000));
  return { allowed: hits <= options.limit, hits, retryAfterSeconds };
}

/** Clears a bucket, e.g. an account's failed sign-ins after a successful one. */
export async function clearRateLimit(db: Executor, bucket: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where bucket = ${bucket}`);
}

/**
 * Whether a bucket is over its limit now, without counting a hit: for limits that count only
 * failures (sign-in per address), checked before each attempt and hit only when it fails.
 */
export async function peekRateLimit(
  db: Executor,
  bucket: string,
  options: { limit: number; windowSeconds: number; now: Date },
): Promise<RateLimitResult> {
  const windowStart = new Date(options.now.getTime() - options.windowSeconds * 1000).toISOString();
  const [row] = await queryRows<{ hits: number; window_started_at: Date | string }>(
    db,
    sql`select hits, window_started_at from rate_limits where bucket = ${bucket} and window_started_at > ${windowStart}::timestamptz`,
  );
  if (!row) return { allowed: true, hits: 0, retryAfterSeconds: 0 };
  const hits = Number(row.hits);
  const started = new Date(row.window_started_at).getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil((started + options.windowSeconds * 1000 - options.now.getTime()) / 1000));
  return { allowed: hits < options.limit, hits, retryAfterSeconds };
}

/** What a bucket of growing delays remembers: tries since it was cleared, and when the last was. */
export type BucketTries = { tries: number; lastAt: Date };

/**
 * One more try in a bucket whose rule is a wait that grows with each try (sign-in): the tries
 * remembered are read under a row lock, `rule.wait` says how many seconds must still pass (0: go
 * ahead), and if none must, `rule.after` is what is remembered. In one transaction, so tries sent
 * at once are counted one after another and none slips past a wait. The row's
 * `window_started_at` holds the time of the last try, `hits` the tries.
 */
export async function tryInGrowingBucket(
  db: Database,
  bucket: string,
  rule: { wait: (sofar: BucketTries | null) => number; after: (sofar: BucketTries | null) => BucketTries },
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  return db.transaction(async (tx) => {
    // A row with no tries first, so there is always a row to lock: tries at once queue on it.
    await tx.execute(sql`insert into rate_limits (bucket, window_started_at, hits) values (${bucket}, 'epoch'::timestamptz, 0) on conflict (bucket) do nothing`);
    const [row] = await queryRows<{ hits: number; window_started_at: Date | string }>(
      tx,
      sql`select hits, window_started_at from rate_limits where bucket = ${bucket} for update`,
    );
    const sofar = row && Number(row.hits) > 0 ? { tries: Number(row.hits), lastAt: new Date(row.window_started_at) } : null;
    const wait = rule.wait(sofar);
    if (wait > 0) return { allowed: false, retryAfterSeconds: wait };
    const next = rule.after(sofar);
    await tx.execute(sql`update rate_limits set hits = ${next.tries}, window_started_at = ${next.lastAt.toISOString()}::timestamptz where bucket = ${bucket}`);
    return { allowed: true, retryAfterSeconds: 0 };
  });
}
