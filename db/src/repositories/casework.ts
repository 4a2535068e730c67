import type { TriageOutcome, Stage } from '@complaints/domain';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { complaintPoints, complaintStages, pointCategories } from '../schema/index';

/**
 * The changes casework makes to a complaint's points and stages, each in the caller's transaction
 * (the use case locks the complaint first and writes the event beside the change).
 */

export type CategoryChoice = { key: string; labelEn: string; labelCy: string };

/** The categories staff may choose now, in the organisation's order. */
export async function listActivePointCategories(db: Executor): Promise<CategoryChoice[]> {
  return db
    .select({ key: pointCategories.key, labelEn: pointCategories.labelEn, labelCy: pointCategories.labelCy })
    .from(pointCategories)
    .where(eq(pointCategories.active, true))
    .orderBy(asc(pointCategories.position), asc(pointCategories.key));
}

export async function recordPointTriage(
  tx: Executor,
  complaintId: string,
  pointId: string,
  triage: { categoryKey: string; outcome: TriageOutcome; reason: string; courtRoute: string | null; practitionerId: string | null; staffId: string; at: Date },
): Promise<boolean> {
  const updated = await tx
    .update(complaintPoints)
    .set({
      categoryKey: triage.categoryKey,
      triage: triage.outcome,
      triageReason: triage.reason,
      courtRoute: triage.courtRoute,
      practitionerId: triage.practitionerId,
      triagedBy: triage.staffId,
      triagedAt: triage.at,
    })
    .where(and(eq(complaintPoints.id, pointId), eq(complaintPoints.complaintId, complaintId)))
    .returning({ id: complaintPoints.id });
  return updated.length === 1;
}

/**
 * Records who answers the complaint at a stage. The first assignment at a stage keeps its time:
 * it is when the complaint reached a manager, whoever has it later.
 */
export async function recordStageResponder(tx: Executor, complaintId: string, stage: Stage, responderId: string, at: Date): Promise<void> {
  await tx
    .update(complaintStages)
    .set({ responderId, assignedAt: sql`coalesce(${complaintStages.assignedAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(complaintStages.complaintId, complaintId), eq(complaintStages.stage, stage)));
}

export async function recordStageAcknowledged(tx: Executor, complaintId: string, stage: Stage, at: Date): Promise<void> {
  await tx
    .update(complaintStages)
    .set({ acknowledgedAt: at })
    .where(and(eq(complaintStages.complaintId, complaintId), eq(complaintStages.stage, stage), isNull(complaintStages.acknowledgedAt)));
}

/** Sets a stage's response date when it differs from the procedure's (a reply outside it). */
export async function recordStageResponseDue(tx: Executor, complaintId: string, stage: Stage, responseDueOn: string): Promise<void> {
  await tx
    .update(complaintStages)
    .set({ responseDueOn, originalResponseDueOn: responseDueOn })
    .where(and(eq(complaintStages.complaintId, complaintId), eq(complaintStages.stage, stage)));
}

export async function findStageDates(tx: Executor, complaintId: string, stage: Stage) {
  const [row] = await tx
    .select({
      acknowledgeDueOn: complaintStages.acknowledgeDueOn,
      passToManagerDueOn: complaintStages.passToManagerDueOn,
      responseDueOn: complaintStages.responseDueOn,
      assignedAt: complaintStages.assignedAt,
    })
    .from(complaintStages)
    .where(and(eq(complaintStages.complaintId, complaintId), eq(complaintStages.stage, stage)))
    .limit(1);
  return row ?? null;
}

export async function recordStageResponseSent(tx: Executor, complaintId: string, stage: Stage, at: Date): Promise<void> {
  await tx
    .update(complaintStages)
    .set({ responseSentAt: at })
    .where(and(eq(complaintStages.complaintId, complaintId), eq(complaintStages.stage, stage), isNull(complaintStages.responseSentAt)));
}

/** Opens a stage's clock: stage 2 starts from the request for a review. */
export async function insertStage(
  tx: Executor,
  complaintId: string,
  stage: Stage,
  startedOn: string,
  dates: { acknowledgeDueOn: string; passToManagerDueOn: string; responseDueOn: string },
): Promise<void> {
  await tx.insert(complaintStages).values({ complaintId, stage, startedOn, ...dates, originalResponseDueOn: dates.responseDueOn });
}
