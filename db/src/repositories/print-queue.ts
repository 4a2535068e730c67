import type { Audience, Language, LetterKind, QueueScope, Stage } from '@complaints/domain';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { businessAreas, complaints, letters, outbox } from '../schema/index';
import { scopeCondition } from './queues';

/**
 * The print queue: letters going by post that were sent to be printed and are waiting (their
 * print entry in the outbox still pending), and those printed lately (a posted letter's sent time
 * is when it was last printed). Only within a person's scope, filtered in the database.
 */

export type PrintQueueLetter = {
  letterId: string;
  complaintId: string;
  reference: string;
  kind: LetterKind;
  stage: Stage;
  language: Language;
  audience: Audience;
  /** Null for a complaint not yet placed in an area. */
  businessAreaId: string | null;
  businessAreaNameEn: string | null;
  businessAreaNameCy: string | null;
  approvedAt: Date | null;
  /** When the letter was sent to be printed. */
  queuedAt: Date;
  /** When it was last printed; null while it waits. */
  printedAt: Date | null;
  /** What the access rules need, to check each row again in the service. */
  serviceAreaId: string | null;
  responderId: string | null;
  csqManagerId: string | null;
};

export type PrintQueueFilter = {
  scope: QueueScope;
  /** One business area's letters only; undefined for every area in scope, null for those not yet placed. */
  businessAreaId?: string | null | undefined;
  limit: number;
};

const columns = {
  letterId: letters.id,
  complaintId: complaints.id,
  reference: complaints.reference,
  kind: letters.kind,
  stage: letters.stage,
  language: letters.language,
  audience: letters.audience,
  businessAreaId: complaints.businessAreaId,
  businessAreaNameEn: businessAreas.nameEn,
  businessAreaNameCy: businessAreas.nameCy,
  approvedAt: letters.approvedAt,
  serviceAreaId: complaints.serviceAreaId,
  responderId: complaints.responderId,
  csqManagerId: complaints.csqManagerId,
};

function areaCondition(filter: PrintQueueFilter): SQL | undefined {
  if (filter.businessAreaId === undefined) return undefined;
  return filter.businessAreaId === null ? isNull(complaints.businessAreaId) : eq(complaints.businessAreaId, filter.businessAreaId);
}

/** Letters waiting to be printed, oldest first (from the partial index of pending print entries). */
export async function listLettersWaitingForPost(db: Executor, filter: PrintQueueFilter): Promise<PrintQueueLetter[]> {
  const rows = await db
    .select({ ...columns, queuedAt: outbox.createdAt })
    .from(outbox)
    .innerJoin(letters, eq(letters.id, outbox.letterId))
    .innerJoin(complaints, eq(complaints.id, letters.complaintId))
    .leftJoin(businessAreas, eq(businessAreas.id, complaints.businessAreaId))
    .where(and(eq(outbox.channel, 'print'), eq(outbox.status, 'pending'), eq(letters.delivery, 'post'), scopeCondition(filter.scope), areaCondition(filter)))
    .orderBy(asc(outbox.createdAt), asc(letters.id))
    .limit(filter.limit);
  return rows.map((r) => ({ ...r, printedAt: null }));
}

/** Posted letters last printed since a moment, newest first, to be printed again if need be. */
export async function listLettersPrintedSince(db: Executor, filter: PrintQueueFilter & { since: Date }): Promise<PrintQueueLetter[]> {
  const rows = await db
    .select({ ...columns, printedAt: letters.sentAt })
    .from(letters)
    .innerJoin(complaints, eq(complaints.id, letters.complaintId))
    .leftJoin(businessAreas, eq(businessAreas.id, complaints.businessAreaId))
    .where(and(eq(letters.delivery, 'post'), isNotNull(letters.sentAt), gte(letters.sentAt, filter.since), scopeCondition(filter.scope), areaCondition(filter)))
    .orderBy(desc(letters.sentAt), asc(letters.id))
    .limit(filter.limit);
  // When a letter went to the print queue: its print entry, read for these letters only.
  const ids = rows.map((r) => r.letterId);
  const queued =
    ids.length === 0
      ? []
      : await db
          .select({ letterId: outbox.letterId, createdAt: outbox.createdAt })
          .from(outbox)
          .where(and(eq(outbox.channel, 'print'), inArray(outbox.letterId, ids)))
          .orderBy(asc(outbox.createdAt));
  const queuedAt = new Map<string, Date>();
  for (const q of queued) if (q.letterId && !queuedAt.has(q.letterId)) queuedAt.set(q.letterId, q.createdAt);
  return rows.map((r) => ({ ...r, printedAt: r.printedAt!, queuedAt: queuedAt.get(r.letterId) ?? r.printedAt! }));
}

/** Which complaint each of these letters belongs to (letters that do not exist are left out). */
export async function findLetterComplaints(db: Executor, letterIds: readonly string[]): Promise<Map<string, string>> {
  if (letterIds.length === 0) return new Map();
  const rows = await db.select({ id: letters.id, complaintId: letters.complaintId }).from(letters).where(inArray(letters.id, [...letterIds]));
  return new Map(rows.map((r) => [r.id, r.complaintId]));
}

/** The business areas by name, to narrow the print queue to one. */
export async function listBusinessAreaChoices(db: Executor): Promise<Array<{ id: string; nameEn: string; nameCy: string }>> {
  return db.select({ id: businessAreas.id, nameEn: businessAreas.nameEn, nameCy: businessAreas.nameCy }).from(businessAreas).orderBy(asc(businessAreas.nameEn));
}
