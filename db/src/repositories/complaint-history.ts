import type { Stage } from '@complaints/domain';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { stringify } from 'safe-stable-stringify';
import type { Executor } from '../client';
import { type HashKind, signHistory } from '../history-seal';
import { type ChainBreak, type ChainHead, checkChain, keepChainHead, readChainHead } from './history-chains';
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
  hashKind: HashKind;
};

type HashedEvent = {
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
};

/**
 * The signature of an event covers everything it says and the signature of the event before it, so
 * changing, removing or reordering any event breaks every signature after it. Keys are serialised
 * in a stable order so the same event always signs the same.
 */
export function eventHash(event: HashedEvent, kind: HashKind = 'hmac-sha256'): string {
  const canonical = stringify({ ...event, occurredAt: event.occurredAt.toISOString() });
  return signHistory(canonical ?? '', kind);
}

/** The name of a complaint's history among the kept chain heads. */
export function complaintChain(complaintId: string): string {
  return `complaint:${complaintId}`;
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
    return { ...row, hash, hashKind: 'hmac-sha256' as const };
  });
  const inserted = await tx.insert(complaintEvents).values(rows).returning();
  await keepChainHead(tx, complaintChain(complaintId), sequence, previousHash!);
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

/** The events of several complaints, each complaint's in order. */
export async function listEventsOfComplaints(db: Executor, complaintIds: string[]): Promise<ComplaintEvent[]> {
  if (complaintIds.length === 0) return [];
  const rows = await db
    .select()
    .from(complaintEvents)
    .where(inArray(complaintEvents.complaintId, complaintIds))
    .orderBy(asc(complaintEvents.complaintId), asc(complaintEvents.sequence));
  return rows as ComplaintEvent[];
}

/** Whether a complaint's history is as it was written; where not, the first event found wrong. */
export type HistoryVerification = { intact: true; events: number } | { intact: false; events: number; brokenAtSequence: number; reason: ChainBreak };

/** Recomputes the chain and compares it with its kept head: the proof that a complaint's history is as it was written. */
export async function verifyComplaintHistory(db: Executor, complaintId: string): Promise<HistoryVerification> {
  const [events, head] = await Promise.all([listComplaintEvents(db, complaintId), readChainHead(db, complaintChain(complaintId))]);
  return verifyEventChain(events, head);
}

/** An event's signature over what it says and the signature before it; `reason` replaces the event's own (retention clears it). */
export function eventSignature(e: ComplaintEvent, previousHash: string | null, kind: HashKind, reason: string | null = e.reason): string {
  return eventHash(
    {
      complaintId: e.complaintId,
      sequence: e.sequence,
      type: e.type,
      stage: e.stage,
      actorType: e.actorType,
      actorStaffId: e.actorStaffId,
      occurredAt: e.occurredAt,
      visibility: e.visibility,
      reason,
      payload: e.payload,
      previousHash,
    },
    kind,
  );
}

/** Checks loaded events of one complaint against its kept head. */
export function verifyEventChain(events: ComplaintEvent[], head: ChainHead | null): HistoryVerification {
  const broken = checkChain(
    events.map((e) => ({
      sequence: e.sequence,
      previousHash: e.previousHash,
      hash: e.hash,
      hashKind: e.hashKind,
      recompute: (previousHash: string | null, kind: HashKind) => eventSignature(e, previousHash, kind),
    })),
    head,
  );
  return broken ? { intact: false, events: events.length, ...broken } : { intact: true, events: events.length };
}
