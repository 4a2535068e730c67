import { createHash } from 'node:crypto';
import type { Stage } from '@complaints/domain';
import { asc, desc, eq } from 'drizzle-orm';
import { stringify } from 'safe-stable-stringify';
import type { Executor } from '../client';
import { complaintEvents } from '../schema/index';

export type NewComplaintEvent = {
  type: string;
  stage: Stage;
  actorType: 'complainant' | 'staff' | 'system';
  actorStaffId?: string | null;
  occurredAt: Date;
  visibility: 'public' | 'internal';
  reason?: string | null;
  payload?: Record<string, unknown>;
};

export type ComplaintEvent = NewComplaintEvent & {
  id: number;
  complaintId: string;
  sequence: number;
  actorStaffId: string | null;
  reason: string | null;
  payload: Record<string, unknown>;
  previousHash: string | null;
  hash: string;
};

/**
 * The hash of an event covers everything it says and the hash of the event before it, so changing,
 * removing or reordering any event breaks every hash after it. Keys are serialised in a stable
 * order so the same event always hashes the same.
 */
export function eventHash(event: {
  complaintId: string;
  sequence: number;
  type: string;
  stage: number;
  actorType: string;
  actorStaffId: string | null;
  occurredAt: Date;
  visibility: string;
  reason: string | null;
  payload: Record<string, unknown>;
  previousHash: string | null;
}): string {
  const canonical = stringify({ ...event, occurredAt: event.occurredAt.toISOString() });
  return createHash('sha256').update(canonical ?? '').digest('hex');
}

/**
 * Appends events to a complaint's history, continuing its hash chain. Call inside the transaction
 * that makes the change, after locking the complaint row, so appends for one complaint never race.
 * `newComplaint` says the complaint was created in this transaction, so it has no history to read.
 */
export async function appendComplaintEvents(
  tx: Executor,
  complaintId: string,
  events: NewComplaintEvent[],
  options: { newComplaint?: boolean } = {},
): Promise<ComplaintEvent[]> {
  if (events.length === 0) return [];
  const [last] = options.newComplaint
    ? []
    : await tx
        .select({ sequence: complaintEvents.sequence, hash: complaintEvents.hash })
        .from(complaintEvents)
        .where(eq(complaintEvents.complaintId, complaintId))
        .orderBy(desc(complaintEvents.sequence))
        .limit(1);
  let sequence = last?.sequence ?? 0;
  let previousHash = last?.hash ?? null;
  const rows = events.map((e) => {
    sequence += 1;
    const row = {
      complaintId,
      sequence,
      type: e.type,
      stage: e.stage,
      actorType: e.actorType,
      actorStaffId: e.actorStaffId ?? null,
      occurredAt: e.occurredAt,
      visibility: e.visibility,
      reason: e.reason ?? null,
      payload: e.payload ?? {},
      previousHash,
    };
    const hash = eventHash(row);
    previousHash = hash;
    return { ...row, hash };
  });
  const inserted = await tx.insert(complaintEvents).values(rows).returning();
  return inserted as ComplaintEvent[];
}

export async function listComplaintEvents(db: Executor, complaintId: string): Promise<ComplaintEvent[]> {
  const rows = await db
    .select()
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(asc(complaintEvents.sequence));
  return rows as ComplaintEvent[];
}

export type HistoryVerification = { intact: true; events: number } | { intact: false; events: number; brokenAtSequence: number };

/** Recomputes the chain: the proof that a complaint's history is as it was written. */
export async function verifyComplaintHistory(db: Executor, complaintId: string): Promise<HistoryVerification> {
  const events = await listComplaintEvents(db, complaintId);
  let previousHash: string | null = null;
  let expectedSequence = 1;
  for (const e of events) {
    const recomputed = eventHash({
      complaintId: e.complaintId,
      sequence: e.sequence,
      type: e.type,
      stage: e.stage,
      actorType: e.actorType,
      actorStaffId: e.actorStaffId,
      occurredAt: e.occurredAt,
      visibility: e.visibility,
      reason: e.reason,
      payload: e.payload,
      previousHash,
    });
    if (e.sequence !== expectedSequence || e.previousHash !== previousHash || e.hash !== recomputed) {
      return { intact: false, events: events.length, brokenAtSequence: e.sequence };
    }
    previousHash = e.hash;
    expectedSequence += 1;
  }
  return { intact: true, events: events.length };
}
