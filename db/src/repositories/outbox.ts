import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { queryRows } from '../client';
import { outbox } from '../schema/index';

export type NewOutboxMessage = typeof outbox.$inferInsert;
export type OutboxMessage = typeof outbox.$inferSelect;

/** Queues messages in the caller's transaction. A repeated dedupe key is ignored, not an error. */
export async function enqueueOutboxMessages(tx: Executor, messages: NewOutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.insert(outbox).values(messages).onConflictDoNothing({ target: outbox.dedupeKey });
}

/**
 * Queues messages that must go once only, each with its dedupe key: a key already queued (by an
 * earlier run, or by another worker at the same moment) is left as it is. Returns how many were
 * new. Keys are inserted in order, so two workers queueing the same keys wait on each other
 * rather than deadlock.
 */
export async function enqueueOutboxMessagesOnce(tx: Executor, messages: Array<NewOutboxMessage & { dedupeKey: string }>): Promise<number> {
  if (messages.length === 0) return 0;
  const ordered = [...messages].sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0));
  const inserted = await tx.insert(outbox).values(ordered).onConflictDoNothing({ target: outbox.dedupeKey }).returning({ id: outbox.id });
  return inserted.length;
}

/** Which of these dedupe keys are queued already, so a repeated run need not prepare their messages again. */
export async function findQueuedDedupeKeys(db: Executor, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.select({ key: outbox.dedupeKey }).from(outbox).where(inArray(outbox.dedupeKey, [...keys]));
  return new Set(rows.map((r) => r.key!));
}

/**
 * Claims email messages that are due, for this worker only: rows are locked while claimed (FOR
 * UPDATE SKIP LOCKED, so many workers never take the same row) and leased until `leaseUntil`, so a
 * worker that dies mid-send leaves them to be claimed again, and they are delivered at least once.
 */
export async function claimDueEmails(db: Executor, options: { now: Date; leaseUntil: Date; limit: number }): Promise<OutboxMessage[]> {
  // drizzle hands postgres.js raw parameters untouched, and it cannot serialise a Date: ISO strings.
  const now = options.now.toISOString();
  return db.transaction(async (tx) => {
    const due = await queryRows<{ id: string }>(
      tx,
      sql`select id from ${outbox}
          where status = 'pending' and channel = 'email' and next_attempt_at <= ${now}::timestamptz
            and (locked_until is null or locked_until < ${now}::timestamptz)
          order by next_attempt_at
          limit ${options.limit}
          for update skip locked`,
    );
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ lockedUntil: options.leaseUntil, attempts: sql`${outbox.attempts} + 1` })
      .where(inArray(outbox.id, due.map((d) => d.id)))
      .returning();
  });
}

/**
 * Marks a message sent. A message that carries a secret (a code that opens a tracking page) is
 * written with `forgetAfterSending`: once sent, its words are cleared, so the secret is kept
 * nowhere but in the person's inbox.
 */
export async function markOutboxSent(db: Executor, id: string, at: Date, options: { forgetPayload?: boolean } = {}): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: at, lockedUntil: null, lastError: null, ...(options.forgetPayload ? { payload: { forgotten: true } } : {}) })
    .where(eq(outbox.id, id));
}

export async function markOutboxAttemptFailed(
  db: Executor,
  id: string,
  options: { error: string; nextAttemptAt: Date | null },
): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: options.nextAttemptAt ? 'pending' : 'failed',
      nextAttemptAt: options.nextAttemptAt ?? sql`${outbox.nextAttemptAt}`,
      lockedUntil: null,
      lastError: options.error.slice(0, 500),
    })
    .where(eq(outbox.id, id));
}

export async function countOutbox(db: Executor): Promise<{ pending: number; failed: number; sent: number }> {
  const rows = await queryRows<{ status: string; n: number }>(db, sql`select status, count(*)::int as n from ${outbox} group by status`);
  const get = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { pending: get('pending'), failed: get('failed'), sent: get('sent') };
}


/**
 * Marks the emails queued for these complaints as delivered when they were written: for a history
 * written after the fact (the demo's), whose messages belong to the past and must not go now.
 */
export async function markOutboxEmailsDelivered(db: Executor, complaintIds: readonly string[]): Promise<void> {
  if (complaintIds.length === 0) return;
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: sql`${outbox.createdAt}` })
    .where(and(inArray(outbox.complaintId, [...complaintIds]), eq(outbox.channel, 'email'), eq(outbox.status, 'pending')));
}
