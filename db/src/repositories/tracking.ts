import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { complainants, complaints, moveSubmissions, surveyResponses, trackingChallenges, trackingSessions } from '../schema/index';

/**
 * Following a complaint online: the attempts to open a tracking page (challenges), the sessions
 * they open, the survey after closure, and the keys that make a repeated form land on one result.
 * Tokens and codes are stored only as SHA-256 hashes.
 */

/** The complaint a reference names, with where a code may be sent; null when it names none. */
export async function findComplaintToTrack(db: Executor, reference: string) {
  const [row] = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      language: complaints.language,
      audience: complaints.audience,
      email: complainants.email,
      anonymisedAt: complainants.anonymisedAt,
    })
    .from(complaints)
    .leftJoin(complainants, eq(complainants.complaintId, complaints.id))
    .where(eq(complaints.reference, reference))
    .limit(1);
  return row ?? null;
}

export type NewTrackingChallenge = { tokenHash: string; reference: string; complaintId: string | null; codeHash: string; createdAt: Date; expiresAt: Date };

export async function insertTrackingChallenge(tx: Executor, challenge: NewTrackingChallenge): Promise<void> {
  await tx.insert(trackingChallenges).values(challenge);
}

/** A challenge by its token's hash, locked so two tries at once are counted one after the other. */
export async function lockTrackingChallenge(tx: Executor, tokenHash: string) {
  const [row] = await tx.select().from(trackingChallenges).where(eq(trackingChallenges.tokenHash, tokenHash)).for('update').limit(1);
  return row ?? null;
}

/** Counts a try; returns how many have been made. */
export async function countTrackingTry(tx: Executor, id: string): Promise<number> {
  const [row] = await tx
    .update(trackingChallenges)
    .set({ attempts: sql`${trackingChallenges.attempts} + 1` })
    .where(eq(trackingChallenges.id, id))
    .returning({ attempts: trackingChallenges.attempts });
  return row?.attempts ?? 0;
}

export async function spendTrackingChallenge(tx: Executor, id: string, at: Date): Promise<void> {
  await tx.update(trackingChallenges).set({ consumedAt: at }).where(and(eq(trackingChallenges.id, id), isNull(trackingChallenges.consumedAt)));
}

export async function insertTrackingSession(tx: Executor, session: { id: string; complaintId: string; at: Date }): Promise<void> {
  await tx.insert(trackingSessions).values({ id: session.id, complaintId: session.complaintId, createdAt: session.at, lastActiveAt: session.at });
}

/**
 * A session still open and used since `activeSince`, marked used now; null otherwise. One
 * statement, so a lapsed session cannot be revived by two requests racing.
 */
export async function touchTrackingSession(db: Executor, id: string, options: { now: Date; activeSince: Date }): Promise<{ complaintId: string } | null> {
  const [row] = await db
    .update(trackingSessions)
    .set({ lastActiveAt: options.now })
    .where(and(eq(trackingSessions.id, id), isNull(trackingSessions.endedAt), gt(trackingSessions.lastActiveAt, options.activeSince)))
    .returning({ complaintId: trackingSessions.complaintId });
  return row ?? null;
}

export async function endTrackingSession(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(trackingSessions).set({ endedAt: at }).where(and(eq(trackingSessions.id, id), isNull(trackingSessions.endedAt)));
}

/** What a form's key made the first time, if it has been used on this complaint before. */
export async function findMoveSubmission(db: Executor, key: string): Promise<{ complaintId: string; move: string; result: unknown } | null> {
  const [row] = await db
    .select({ complaintId: moveSubmissions.complaintId, move: moveSubmissions.move, result: moveSubmissions.result })
    .from(moveSubmissions)
    .where(eq(moveSubmissions.key, key))
    .limit(1);
  return row ?? null;
}

export async function recordMoveSubmission(tx: Executor, submission: { key: string; complaintId: string; move: string; result: unknown; at: Date }): Promise<void> {
  await tx.insert(moveSubmissions).values({ key: submission.key, complaintId: submission.complaintId, move: submission.move, result: submission.result ?? null, createdAt: submission.at });
}

/** Asks for the survey (once: a second invitation changes nothing). */
export async function inviteToSurvey(tx: Executor, complaintId: string, at: Date): Promise<boolean> {
  const rows = await tx.insert(surveyResponses).values({ complaintId, invitedAt: at }).onConflictDoNothing({ target: surveyResponses.complaintId }).returning({ id: surveyResponses.id });
  return rows.length > 0;
}

export async function saveSurveyAnswers(tx: Executor, complaintId: string, answers: Record<string, string | number>, at: Date): Promise<void> {
  await tx
    .insert(surveyResponses)
    .values({ complaintId, invitedAt: at, answeredAt: at, answers })
    .onConflictDoUpdate({ target: surveyResponses.complaintId, set: { answeredAt: at, answers } });
}
