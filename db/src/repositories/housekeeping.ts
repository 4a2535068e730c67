import { and, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../client';
import { formDrafts, rateLimits, staffSessions, trackingChallenges } from '../schema/index';

/**
 * Removes what has expired and is of no further use: form drafts never submitted, one-time codes,
 * old rate-limit windows and ended sessions. Nothing here is part of a complaint's record.
 */
export async function removeExpiredRecords(db: Executor, now: Date): Promise<Record<string, number>> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const drafts = await db.delete(formDrafts).where(and(lt(formDrafts.expiresAt, now), isNull(formDrafts.complaintId))).returning({ id: formDrafts.id });
  const codes = await db.delete(trackingChallenges).where(lt(trackingChallenges.expiresAt, dayAgo)).returning({ id: trackingChallenges.id });
  const limits = await db.delete(rateLimits).where(lt(rateLimits.windowStartedAt, dayAgo)).returning({ bucket: rateLimits.bucket });
  const sessions = await db.delete(staffSessions).where(lt(staffSessions.expiresAt, now)).returning({ id: staffSessions.id });
  return { drafts: drafts.length, trackingCodes: codes.length, rateLimits: limits.length, sessions: sessions.length };
}
