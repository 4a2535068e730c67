import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { stringify } from 'safe-stable-stringify';
import { type Executor, queryRows } from '../client';
import { signHistory } from '../history-seal';
import { auditLog, staff } from '../schema/index';
import { type ChainHead, checkChain, keepChainHead } from './history-chains';

/** What staff did: ids and the name of the action only, never what a complaint says. */
export type AuditEntry = {
  staffId: string | null;
  action: string;
  complaintId?: string | null;
  subject?: string | null;
  requestId?: string | null;
};

/** The audit chain an entry belongs to: one per member of staff, one for what nobody signed in did. */
export function auditChain(staffId: string | null): string {
  return staffId ? `audit:staff:${staffId}` : 'audit:anonymous';
}

type AuditRecord = { chain: string; sequence: number; occurredAt: Date; staffId: string | null; action: string; complaintId: string | null; subject: string | null; requestId: string | null };

function auditHash(record: AuditRecord, previousHash: string | null): string {
  return signHistory(stringify({ ...record, occurredAt: record.occurredAt.toISOString(), previousHash }) ?? '');
}

/**
 * Appends to the audit log (append-only: a trigger refuses updates and deletes), continuing the
 * entry's chain under a lock on that chain, so entries of one person are numbered without gaps
 * even when they act in two tabs at once. In the caller's transaction when there is one. Four round
 * trips: the transaction's start, the lock with the head, the entry with the new head, the commit.
 */
export async function recordAudit(db: Executor, entry: AuditEntry, at?: Date): Promise<void> {
  const chain = auditChain(entry.staffId);
  await db.transaction(async (tx) => {
    // The lock, then the head, in one statement (the function lock_audit_chain): the head is read
    // only once the lock is held. Not two statements pipelined: the driver may send the two in
    // either order, and a head read first would miss the entry of whoever held the lock.
    const head = await lockAuditChain(tx, chain);
    const record: AuditRecord = {
      chain,
      sequence: (head?.length ?? 0) + 1,
      occurredAt: at ?? new Date(),
      staffId: entry.staffId,
      action: entry.action,
      complaintId: entry.complaintId ?? null,
      subject: entry.subject ?? null,
      requestId: entry.requestId ?? null,
    };
    const previousHash = head?.headHash ?? null;
    const hash = auditHash(record, previousHash);
    // The entry and the chain's new head are sent together (pipelined, one round trip): neither
    // depends on the other, and both are under the lock.
    await Promise.all([tx.insert(auditLog).values({ ...record, previousHash, hash }), keepChainHead(tx, chain, record.sequence, hash)]);
  });
}

/** Takes an audit chain's lock (until the transaction ends), then reads its kept head. */
async function lockAuditChain(tx: Executor, chain: string): Promise<ChainHead | null> {
  const [head] = await queryRows<ChainHead>(tx, sql`select chain, length, head_hash as "headHash", seal from lock_audit_chain(${chain})`);
  return head ?? null;
}

/** Checks loaded entries of one audit chain against its kept head. */
export function verifyAuditEntries(entries: (AuditRecord & { previousHash: string | null; hash: string })[], head: ChainHead | null) {
  return checkChain(
    entries.map(({ previousHash, hash, ...record }) => ({
      sequence: record.sequence,
      previousHash,
      hash,
      hashKind: 'hmac-sha256' as const,
      recompute: (previous) => auditHash(record, previous),
    })),
    head,
  );
}

/** The entries of some audit chains, each chain's in order. */
export async function listAuditChainEntries(db: Executor, chains: string[]) {
  if (chains.length === 0) return [];
  const rows = await db
    .select({
      chain: auditLog.chain,
      sequence: auditLog.sequence,
      occurredAt: auditLog.occurredAt,
      staffId: auditLog.staffId,
      action: auditLog.action,
      complaintId: auditLog.complaintId,
      subject: auditLog.subject,
      requestId: auditLog.requestId,
      previousHash: auditLog.previousHash,
      hash: auditLog.hash,
    })
    .from(auditLog)
    .where(inArray(auditLog.chain, chains))
    .orderBy(asc(auditLog.chain), asc(auditLog.sequence));
  return rows.map((r) => ({ ...r, chain: r.chain!, sequence: r.sequence!, hash: r.hash ?? '' }));
}

export type AuditSearch = { staffId?: string; complaintId?: string; action?: string; from?: Date; to?: Date; limit: number; offset: number };

export async function searchAudit(db: Executor, search: AuditSearch) {
  const conditions: SQL[] = [];
  if (search.staffId) conditions.push(eq(auditLog.staffId, search.staffId));
  if (search.complaintId) conditions.push(eq(auditLog.complaintId, search.complaintId));
  if (search.action) conditions.push(eq(auditLog.action, search.action));
  if (search.from) conditions.push(gte(auditLog.occurredAt, search.from));
  if (search.to) conditions.push(lt(auditLog.occurredAt, search.to));
  return db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      action: auditLog.action,
      complaintId: auditLog.complaintId,
      subject: auditLog.subject,
      staffId: auditLog.staffId,
      staffName: staff.fullName,
    })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.staffId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(search.limit)
    .offset(search.offset);
}
