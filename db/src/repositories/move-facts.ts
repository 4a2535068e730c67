import type { LetterFacts, LetterKind, LetterState, MoveFacts, Stage } from '@complaints/domain';
import { and, desc, eq, inArray, isNotNull, lte, max, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { complaintEvents, complaintPoints, complaints, complaintStages, letters, pointAnswers, qualityReviews, surveyResponses } from '../schema/index';

/**
 * What the lifecycle's guards need to know of a complaint, read in one go (under the complaint's
 * row lock when a move is being made, so nothing changes between the check and the write).
 */

type ComplaintRow = typeof complaints.$inferSelect;

export async function loadMoveFacts(db: Executor, complaint: Pick<ComplaintRow, 'id' | 'kind' | 'state' | 'stage' | 'responderId' | 'pausedSince'>): Promise<MoveFacts> {
  const stage = complaint.stage;
  const [stageRows, pointRows, answerTimes, waiting, closure, stageOne, survey] = await Promise.all([
    db.select({ stage: complaintStages.stage, extendedAt: complaintStages.extendedAt }).from(complaintStages).where(eq(complaintStages.complaintId, complaint.id)),
    db
      .select({
        total: sql<number>`count(*)::int`,
        untriaged: sql<number>`count(*) filter (where ${complaintPoints.triage} is null)::int`,
        // Spelled out in full: inside the subquery an unqualified column would be read as the answer's own.
        unanswered: sql<number>`count(*) filter (where not exists (select 1 from point_answers a where a.point_id = complaint_points.id and a.stage = ${stage}))::int`,
      })
      .from(complaintPoints)
      .where(and(eq(complaintPoints.complaintId, complaint.id), lte(complaintPoints.raisedAtStage, stage))),
    db
      .select({ at: max(pointAnswers.answeredAt) })
      .from(pointAnswers)
      .innerJoin(complaintPoints, eq(complaintPoints.id, pointAnswers.pointId))
      .where(and(eq(complaintPoints.complaintId, complaint.id), eq(pointAnswers.stage, stage))),
    db
      .select({ kind: letters.kind, state: letters.state })
      .from(letters)
      .where(and(eq(letters.complaintId, complaint.id), eq(letters.stage, stage), inArray(letters.state, ['draft', 'in_quality_assurance', 'returned', 'approved']))),
    db
      .select({ outcome: qualityReviews.outcome })
      .from(qualityReviews)
      .where(and(eq(qualityReviews.complaintId, complaint.id), eq(qualityReviews.kind, 'closure'), eq(qualityReviews.stage, stage)))
      .orderBy(desc(qualityReviews.reviewedAt))
      .limit(1),
    // Who answered stage 1 matters only at stage 2, where they may not review it.
    stage === 2 ? stageOneResponderIds(db, complaint.id) : Promise.resolve([]),
    db
      .select({ id: surveyResponses.id })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.complaintId, complaint.id), isNotNull(surveyResponses.answeredAt)))
      .limit(1),
  ]);
  const points = pointRows[0] ?? { total: 0, untriaged: 0, unanswered: 0 };
  const at = answerTimes[0]?.at ?? null;
  return {
    kind: complaint.kind,
    state: complaint.state,
    stage,
    responderId: complaint.responderId,
    stageOneResponderIds: stageOne,
    points: { total: Number(points.total), untriaged: Number(points.untriaged), unanswered: Number(points.unanswered) },
    answersChangedAt: at ? new Date(at) : null,
    lettersUnsent: waiting.map((w) => ({ kind: w.kind as LetterKind, state: w.state as LetterState })),
    extended: stageRows.some((s) => s.stage === stage && s.extendedAt !== null),
    paused: complaint.pausedSince !== null,
    closureCheckComplete: closure[0]?.outcome === 'approved',
    stages: stageRows.map((s) => s.stage as Stage),
    surveyAnswered: survey.length > 0,
  };
}

/** Whoever answered stage 1: its responder, anyone assigned to it, and anyone who answered a point then. */
export async function stageOneResponderIds(db: Executor, complaintId: string): Promise<string[]> {
  const [stageRows, assignedRows, answerRows] = await Promise.all([
    db
      .select({ responderId: complaintStages.responderId })
      .from(complaintStages)
      .where(and(eq(complaintStages.complaintId, complaintId), eq(complaintStages.stage, 1), isNotNull(complaintStages.responderId))),
    db
      .select({ responderId: sql<string | null>`${complaintEvents.payload} ->> 'responderId'` })
      .from(complaintEvents)
      .where(and(eq(complaintEvents.complaintId, complaintId), eq(complaintEvents.type, 'responder.assigned'), eq(complaintEvents.stage, 1))),
    db
      .select({ answeredBy: pointAnswers.answeredBy })
      .from(pointAnswers)
      .innerJoin(complaintPoints, eq(complaintPoints.id, pointAnswers.pointId))
      .where(and(eq(complaintPoints.complaintId, complaintId), eq(pointAnswers.stage, 1), isNotNull(pointAnswers.answeredBy))),
  ]);
  const ids = new Set<string>();
  for (const r of stageRows) if (r.responderId) ids.add(r.responderId);
  for (const r of assignedRows) if (r.responderId) ids.add(r.responderId);
  for (const r of answerRows) if (r.answeredBy) ids.add(r.answeredBy);
  return [...ids];
}

export type LockedLetter = LetterFacts & {
  complaintId: string;
  subject: string;
  html: string;
  document: Record<string, unknown> | null;
  recipient: string | null;
  message: string | null;
  version: number;
  templateId: string | null;
  approvedAutomatically: boolean;
};

const letterColumns = {
  id: letters.id,
  complaintId: letters.complaintId,
  kind: letters.kind,
  state: letters.state,
  stage: letters.stage,
  delivery: letters.delivery,
  writtenBy: letters.createdBy,
  lastChangedBy: letters.lastChangedBy,
  versionMadeAt: letters.versionMadeAt,
  subject: letters.subject,
  html: letters.html,
  document: letters.document,
  recipient: letters.recipient,
  message: letters.message,
  version: letters.version,
  templateId: letters.templateId,
  approvedAutomatically: letters.approvedAutomatically,
};

/** A letter of this complaint (never another's), locked for the rest of the transaction. */
export async function lockLetter(tx: Executor, complaintId: string, letterId: string): Promise<LockedLetter | null> {
  const [row] = await tx
    .select(letterColumns)
    .from(letters)
    .where(and(eq(letters.id, letterId), eq(letters.complaintId, complaintId)))
    .for('update');
  return (row as LockedLetter | undefined) ?? null;
}

/** The letters of a complaint as the case page's offer of letter moves needs them. */
export async function listLetterFacts(db: Executor, complaintId: string): Promise<LetterFacts[]> {
  const rows = await db.select(letterColumns).from(letters).where(eq(letters.complaintId, complaintId));
  return rows as LetterFacts[];
}

/** The few columns of a complaint its move facts start from, without a lock (for pages that offer moves). */
export async function findComplaintForMoves(db: Executor, complaintId: string) {
  const [row] = await db
    .select({ id: complaints.id, kind: complaints.kind, state: complaints.state, stage: complaints.stage, responderId: complaints.responderId, pausedSince: complaints.pausedSince })
    .from(complaints)
    .where(eq(complaints.id, complaintId))
    .limit(1);
  return row ?? null;
}
