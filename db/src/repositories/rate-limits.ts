import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../client';

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
