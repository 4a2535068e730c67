import { londonDateOf, type Stage } from '@complaints/domain';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { complaintEvents, complaintStages, correspondence, letters } from '../schema/index';

/**
 * A stage's clock as extensions and pauses change it: the response date as it stands, the one
 * first set, the extension (once per stage) and the working days the clock stood still. Changes
 * run in the caller's transaction, under the complaint's lock.
 */

export type StageClock = {
  stage: Stage;
  startedOn: string;
  responseDueOn: string;
  originalResponseDueOn: string;
  extendedAt: Date | null;
  extensionReason: string | null;
  pausedWorkingDays: number;
};

const clockColumns = {
  stage: complaintStages.stage,
  startedOn: complaintStages.startedOn,
  responseDueOn: complaintStages.responseDueOn,
  originalResponseDueOn: complaintStages.originalResponseDueOn,
  extendedAt: complaintStages.extendedAt,
  extensionReason: complaintStages.extensionReason,
  pausedWorkingDays: complaintStages.pausedWorkingDays,
};

export async function findStageClock(db: Executor, complaintId: string, stage: Stage): Promise<StageClock | null> {
  const [row] = await db
    .select(clockColumns)
    .from(complaintStages)
    .where(and(eq(complaintStages.complaintId, complaintId), eq(complaintStages.stage, stage)))
    .limit(1);
  return (row as StageClock | undefined) ?? null;
}

export async function listStageClocks(db: Executor, complaintId: string): Promise<StageClock[]> {
  const rows = await db.select(clockColumns).from(complaintStages).where(eq(complaintStages.complaintId, complaintId)).orderBy(asc(complaintStages.stage));
  return rows as StageClock[];
}

/** The stage's one extension: its new response date, when and why. */
export async function recordStageExtension(tx: Executor, complaintId: string, stage: Stage, extension: { responseDueOn: string; at: Date; reason: string }): Promise<void> {
  await tx
    .update(complaintStages)
    .set({ responseDueOn: extension.responseDueOn, extendedAt: extension.at, extensionReason: extension.reason })
    .where(and(eq(complaintStages.complaintId, complaintId), eq(complaintStages.stage, stage)));
}

/** The clock started again: the response date moved on, and the days it stood still added to the stage's total. */
export async function recordStagePause(tx: Executor, complaintId: string, stage: Stage, pause: { responseDueOn: string; pausedWorkingDays: number }): Promise<void> {
  await tx
    .update(complaintStages)
    .set({ responseDueOn: pause.responseDueOn, pausedWorkingDays: sql`${complaintStages.pausedWorkingDays} + ${pause.pausedWorkingDays}` })
    .where(and(eq(complaintStages.complaintId, complaintId), eq(complaintStages.stage, stage)));
}

/** Why the clock was last paused: what we asked the complainant for, as the pause's event keeps it. */
export async function latestPauseReason(db: Executor, complaintId: string): Promise<string | null> {
  const [row] = await db
    .select({ reason: complaintEvents.reason })
    .from(complaintEvents)
    .where(and(eq(complaintEvents.complaintId, complaintId), eq(complaintEvents.type, 'clock.paused')))
    .orderBy(desc(complaintEvents.sequence))
    .limit(1);
  return row?.reason ?? null;
}

/**
 * A letter or email we sent the complainant, which a pause of the clock names as where we asked
 * them for what we are waiting on: letters sent from the case, and letters and emails staff
 * recorded in the correspondence log as sent.
 */
export type WrittenRequest = { ref: string; on: string; method: 'letter' | 'email'; letterKind: string | null; summary: string };

export async function listWrittenRequests(db: Executor, complaintId: string): Promise<WrittenRequest[]> {
  const logged = await db
    .select({ id: correspondence.id, on: correspondence.occurredOn, method: correspondence.method, summary: correspondence.summary, createdAt: correspondence.createdAt })
    .from(correspondence)
    .where(and(eq(correspondence.complaintId, complaintId), eq(correspondence.direction, 'out'), inArray(correspondence.method, ['letter', 'email'])));
  const sent = await db
    .select({ id: letters.id, sentAt: letters.sentAt, delivery: letters.delivery, kind: letters.kind, subject: letters.subject })
    .from(letters)
    .where(and(eq(letters.complaintId, complaintId), eq(letters.state, 'sent'), isNotNull(letters.sentAt)));
  const requests = [
    ...logged.map((c) => ({ ref: `correspondence:${c.id}`, on: c.on, method: c.method as 'letter' | 'email', letterKind: null, summary: c.summary, at: c.createdAt.getTime() })),
    ...sent.map((l) => ({ ref: `letter:${l.id}`, on: londonDateOf(l.sentAt!), method: l.delivery === 'email' ? ('email' as const) : ('letter' as const), letterKind: l.kind as string, summary: l.subject, at: l.sentAt!.getTime() })),
  ];
  // Newest first: the request a pause names is nearly always the one just sent.
  return requests.sort((a, b) => (a.on === b.on ? b.at - a.at : a.on < b.on ? 1 : -1)).map(({ at: _at, ...request }) => request);
}

