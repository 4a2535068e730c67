import { addressBucket } from './secrets';
import { hitRateLimit } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';

/**
 * The public forms' limits per address, set in one place by the portal: what matters is how many
 * complaints one address sends (`sends`, counted when one is sent); posts of pages are limited
 * far more loosely (`limit` in `windowSeconds`), so a household sending two complaints, or
 * someone correcting many errors, is never told to wait, while a program posting in a loop is.
 */
export type FormPostLimits = { limit: number; windowSeconds: number; sends: { limit: number; windowSeconds: number } };

export type FormPostScreening =
  | { outcome: 'allowed' }
  | { outcome: 'rate-limited'; retryAfterSeconds: number }
  /** The hidden "leave this empty" field was filled in: a program, not a person. */
  | { outcome: 'ignored' };

/**
 * The first thing every post to the public forms meets: a limit per address shared by every
 * portal instance (the counter lives in the database), then the honeypot. The address is counted
 * by its hash, so the table of counters holds no addresses.
 */
export async function screenFormPost(
  deps: Pick<ServiceDependencies, 'db' | 'clock'>,
  post: { clientIp: string; honeypot: string | undefined; limits: FormPostLimits },
): Promise<FormPostScreening> {
  const bucket = addressBucket('complaint-form', post.clientIp);
  const hit = await hitRateLimit(deps.db, bucket, { limit: post.limits.limit, windowSeconds: post.limits.windowSeconds, now: deps.clock.now() });
  if (!hit.allowed) return { outcome: 'rate-limited', retryAfterSeconds: hit.retryAfterSeconds };
  if (post.honeypot !== undefined && post.honeypot.trim() !== '') return { outcome: 'ignored' };
  return { outcome: 'allowed' };
}
