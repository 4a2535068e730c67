import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { complainants, complaintPoints, complaints, pointAnswers } from '../schema/index';

/**
 * The complaints of the complainant on one complaint: every complaint whose complainant has the
 * same email address (compared lower case, spaces trimmed), or only that complaint when it has no
 * email address. Oldest first.
 */
export async function findComplaintsOfSameComplainant(db: Executor, complaintId: string): Promise<Array<{ id: string; reference: string }>> {
  const [own] = await db.select({ email: complainants.email }).from(complainants).where(eq(complainants.complaintId, complaintId)).limit(1);
  const email = own?.email?.trim().toLowerCase();
  const rows = await db
    .select({ id: complaints.id, reference: complaints.reference })
    .from(complaints)
    .innerJoin(complainants, eq(complainants.complaintId, complaints.id))
    .where(email ? sql`lower(trim(${complainants.email})) = ${email}` : eq(complaints.id, complaintId))
    .orderBy(asc(complaints.receivedAt), asc(complaints.reference));
  return rows;
}

export async function findComplaintIdByReference(db: Executor, reference: string): Promise<string | null> {
  const [row] = await db.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference.trim().toUpperCase())).limit(1);
  return row?.id ?? null;
}

/** Every answer given to the points of a complaint, at every stage. */
export async function listPointAnswersOfComplaint(db: Executor, complaintId: string) {
  const points = await db.select({ id: complaintPoints.id }).from(complaintPoints).where(eq(complaintPoints.complaintId, complaintId));
  if (points.length === 0) return [];
  return db
    .select({
      pointId: pointAnswers.pointId,
      stage: pointAnswers.stage,
      decision: pointAnswers.decision,
      reasons: pointAnswers.reasons,
      standardCited: pointAnswers.standardCited,
      whatShouldHaveHappened: pointAnswers.whatShouldHaveHappened,
      whatHappened: pointAnswers.whatHappened,
      remedy: pointAnswers.remedy,
      answeredAt: pointAnswers.answeredAt,
    })
    .from(pointAnswers)
    .where(inArray(pointAnswers.pointId, points.map((p) => p.id)))
    .orderBy(asc(pointAnswers.pointId), asc(pointAnswers.stage));
}
