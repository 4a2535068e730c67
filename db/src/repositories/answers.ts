import type { IsoDate, PointDecision, Stage, TriageOutcome } from '@complaints/domain';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import { complaintActions, complaintPoints, pointAnswers, staffContacts } from '../schema/index';

/**
 * The answer to each point at a stage, and the actions promised with it. Written in the caller's
 * transaction (the use case holds the complaint's lock and writes the event beside the change).
 */

export type PointAnswerInput = {
  decision: PointDecision;
  reasons: string;
  whatShouldHaveHappened: string | null;
  whatHappened: string | null;
  standardCited: string | null;
  remedy: string | null;
};

export type ActionInput = { description: string; ownerName: string; dueOn: IsoDate };

export type AnsweredPoint = {
  id: string;
  position: number;
  text: string;
  raisedAtStage: Stage;
  triage: TriageOutcome | null;
  triageReason: string | null;
  courtRoute: string | null;
  answer: (PointAnswerInput & { answeredByName: string | null; answeredAt: Date }) | null;
  actions: Array<ActionInput & { id: string }>;
};

/** Writes (or rewrites) a point's answer at a stage and replaces the actions promised with it. */
export async function savePointAnswer(
  tx: Executor,
  args: { complaintId: string; pointId: string; stage: Stage; answer: PointAnswerInput; actions: readonly ActionInput[]; staffId: string; at: Date },
): Promise<void> {
  await tx
    .insert(pointAnswers)
    .values({ pointId: args.pointId, stage: args.stage, ...args.answer, answeredBy: args.staffId, answeredAt: args.at })
    .onConflictDoUpdate({ target: [pointAnswers.pointId, pointAnswers.stage], set: { ...args.answer, answeredBy: args.staffId, answeredAt: args.at } });
  await tx.delete(complaintActions).where(and(eq(complaintActions.pointId, args.pointId), eq(complaintActions.stage, args.stage)));
  if (args.actions.length > 0) {
    await tx.insert(complaintActions).values(
      args.actions.map((a) => ({ complaintId: args.complaintId, pointId: args.pointId, stage: args.stage, description: a.description, ownerName: a.ownerName, dueOn: a.dueOn })),
    );
  }
}

/** A point of this complaint (never another's). */
export async function findPoint(db: Executor, complaintId: string, pointId: string) {
  const [row] = await db
    .select({ id: complaintPoints.id, position: complaintPoints.position, raisedAtStage: complaintPoints.raisedAtStage })
    .from(complaintPoints)
    .where(and(eq(complaintPoints.id, pointId), eq(complaintPoints.complaintId, complaintId)))
    .limit(1);
  return row ?? null;
}

const answerer = alias(staffContacts, 'answerer');

/** Every point raised up to a stage, in order, with its answer and actions at that stage. */
export async function listAnsweredPoints(db: Executor, complaintId: string, stage: Stage): Promise<AnsweredPoint[]> {
  const rows = await db
    .select({
      id: complaintPoints.id,
      position: complaintPoints.position,
      text: complaintPoints.text,
      raisedAtStage: complaintPoints.raisedAtStage,
      triage: complaintPoints.triage,
      triageReason: complaintPoints.triageReason,
      courtRoute: complaintPoints.courtRoute,
      decision: pointAnswers.decision,
      reasons: pointAnswers.reasons,
      whatShouldHaveHappened: pointAnswers.whatShouldHaveHappened,
      whatHappened: pointAnswers.whatHappened,
      standardCited: pointAnswers.standardCited,
      remedy: pointAnswers.remedy,
      answeredByName: answerer.fullName,
      answeredAt: pointAnswers.answeredAt,
    })
    .from(complaintPoints)
    .leftJoin(pointAnswers, and(eq(pointAnswers.pointId, complaintPoints.id), eq(pointAnswers.stage, stage)))
    .leftJoin(answerer, eq(answerer.id, pointAnswers.answeredBy))
    .where(and(eq(complaintPoints.complaintId, complaintId), lte(complaintPoints.raisedAtStage, stage)))
    .orderBy(asc(complaintPoints.position));
  const ids = rows.map((r) => r.id);
  const actions =
    ids.length === 0
      ? []
      : await db
          .select({ id: complaintActions.id, pointId: complaintActions.pointId, description: complaintActions.description, ownerName: complaintActions.ownerName, dueOn: complaintActions.dueOn })
          .from(complaintActions)
          .where(and(inArray(complaintActions.pointId, ids), eq(complaintActions.stage, stage)))
          .orderBy(asc(complaintActions.dueOn), asc(complaintActions.createdAt));
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    text: r.text,
    raisedAtStage: r.raisedAtStage,
    triage: r.triage,
    triageReason: r.triageReason,
    courtRoute: r.courtRoute,
    answer:
      r.decision && r.reasons !== null && r.answeredAt
        ? {
            decision: r.decision,
            reasons: r.reasons,
            whatShouldHaveHappened: r.whatShouldHaveHappened,
            whatHappened: r.whatHappened,
            standardCited: r.standardCited,
            remedy: r.remedy,
            answeredByName: r.answeredByName,
            answeredAt: r.answeredAt,
          }
        : null,
    actions: actions.filter((a) => a.pointId === r.id).map(({ pointId: _p, ...a }) => a),
  }));
}
