import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { stringify } from 'safe-stable-stringify';
import { type Executor, queryRows } from '../client';
import { sealChainHead, signHistory } from '../history-seal';
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
 * even when they act in two tabs at once. In the caller's transaction when there is one.
 *
 * Outside a transaction, the process remembers the head it last wrote to each chain and sends the
 * entry signed after it in one statement (`append_audit_entry`), which writes it only if the head
 * is still that one. The process's own entries to one chain go one after another, so they never
 * race each other for the head. Otherwise (the first entry to a chain since the process started,
 * another process having written to it since, or inside a transaction) it takes the long way: four
 * round trips, the transaction's start, the lock with the head, the entry with the new head, the
 * commit.
 */
export async function recordAudit(db: Executor, entry: AuditEntry, at?: Date): Promise<void> {
  const occurredAt = at ?? new Date();
  if (db instanceof PgTransaction) {
    await appendUnderLock(db, entry, occurredAt);
    return;
  }
  let appender = appendersOf.get(db);
  if (!appender) {
    appender = new ChainAppender(db);
    appendersOf.set(db, appender);
  }
  await appender.append(entry, occurredAt);
}

/** The audit record of an entry, signed after a chain's head. */
function signedAfter(head: Pick<ChainHead, 'length' | 'headHash'> | null, entry: AuditEntry, occurredAt: Date) {
  const record: AuditRecord = {
    chain: auditChain(entry.staffId),
    sequence: (head?.length ?? 0) + 1,
    occurredAt,
    staffId: entry.staffId,
    action: entry.action,
    complaintId: entry.complaintId ?? null,
    subject: entry.subject ?? null,
    requestId: entry.requestId ?? null,
  };
  const previousHash = head?.headHash ?? null;
  return { record, previousHash, hash: auditHash(record, previousHash) };
}

/** The long way: the chain's lock and head, then the entry and the new head, in one transaction. Returns the new head. */
async function appendUnderLock(db: Executor, entry: AuditEntry, occurredAt: Date): Promise<KnownHead> {
  return db.transaction(async (tx) => {
    // The lock, then the head, in one statement (the function lock_audit_chain): the head is read
    // only once the lock is held. Not two statements pipelined: the driver may send the two in
    // either order, and a head read first would miss the entry of whoever held the lock.
    const { record, previousHash, hash } = signedAfter(await lockAuditChain(tx, auditChain(entry.staffId)), entry, occurredAt);
    // The entry and the chain's new head are sent together (pipelined, one round trip): neither
    // depends on the other, and both are under the lock.
    await Promise.all([tx.insert(auditLog).values({ ...record, previousHash, hash }), keepChainHead(tx, record.chain, record.sequence, hash)]);
    return { length: record.sequence, headHash: hash };
  });
}

type KnownHead = { length: number; headHash: string };

/** Each database's appender, so that a process with several databases (as the tests have) keeps their heads apart. */
const appendersOf = new WeakMap<Executor, ChainAppender>();

/** The most chains whose heads a process remembers; past it, it forgets them all and relearns each on its next entry. */
const MOST_HEADS_KEPT = 10_000;

/** Appends outside a transaction, one entry at a time for each chain, remembering the heads it wrote. */
class ChainAppender {
  private readonly heads = new Map<string, KnownHead>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly db: Executor) {}

  append(entry: AuditEntry, occurredAt: Date): Promise<void> {
    const chain = auditChain(entry.staffId);
    const before = this.queues.get(chain) ?? Promise.resolve();
    const mine = before.catch(() => {}).then(() => this.appendNow(chain, entry, occurredAt));
    this.queues.set(chain, mine);
    const forget = () => {
      if (this.queues.get(chain) === mine) this.queues.delete(chain);
    };
    mine.then(forget, forget);
    return mine;
  }

  private async appendNow(chain: string, entry: AuditEntry, occurredAt: Date): Promise<void> {
    const head = this.heads.get(chain);
    // Forgotten until written again: if this entry fails, the head it was signed after may have moved.
    this.heads.delete(chain);
    if (head && (await this.appendAfter(head, entry, occurredAt))) return;
    if (this.heads.size >= MOST_HEADS_KEPT) this.heads.clear();
    this.heads.set(chain, await appendUnderLock(this.db, entry, occurredAt));
  }

  /** One statement: the entry, written only if the chain's head is still `head`. */
  private async appendAfter(head: KnownHead, entry: AuditEntry, occurredAt: Date): Promise<boolean> {
    const { record, hash } = signedAfter(head, entry, occurredAt);
    const [result] = await queryRows<{ appended: boolean }>(
      this.db,
      sql`select append_audit_entry(${record.chain}, ${head.length}, ${head.headHash}, ${occurredAt.toISOString()}::timestamptz, ${record.staffId}::uuid,
            ${record.action}, ${record.complaintId}::uuid, ${record.subject}, ${record.requestId}, ${hash}, ${sealChainHead(record.chain, record.sequence, hash)}) as appended`,
    );
    if (!result?.appended) return false;
    this.heads.set(record.chain, { length: record.sequence, headHash: hash });
    return true;
  }
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
