import { sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { queryRows } from '../client';
import { listAuditChainEntries, verifyAuditEntries } from './audit-log';
import { complaintChain, listEventsOfComplaints, verifyEventChain } from './complaint-history';
import { type ChainBreak, type ChainHead, chainOwner, keepChainHead, listChainHeads, readChainHead } from './history-chains';

export type BrokenChain = { chain: string; brokenAtSequence: number; reason: ChainBreak };

/** What a check of every chain found. */
export type ChainCheck = {
  /** Chains checked against their kept heads. */
  checked: number;
  /** Histories from before the key, found whole and given a signed head. */
  adopted: number;
  broken: BrokenChain[];
};

// Map.groupBy comes with Node 21; the project runs on Node 20.
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Checks every complaint's history and every audit chain against its kept head, a page of chains
 * at a time so memory stays flat however large the database. A head with no records left at all
 * (a complaint removed whole) is found too, since heads cannot be deleted.
 *
 * Histories written before the history key have no head yet: each is checked on its own (plain
 * SHA-256) and, when whole, given a signed head under its complaint's row lock, so from then on
 * removing its newest events is found like any other's.
 */
export async function checkEveryChain(db: Executor, options: { pageSize?: number } = {}): Promise<ChainCheck> {
  const pageSize = options.pageSize ?? 200;
  const broken: BrokenChain[] = [];
  const adopted = await adoptHistoriesWithoutHead(db, broken);
  let checked = 0;
  for (const prefix of ['complaint:', 'audit:'] as const) {
    let after: string | null = null;
    for (;;) {
      const heads: ChainHead[] = await listChainHeads(db, prefix, after, pageSize);
      if (heads.length === 0) break;
      after = heads[heads.length - 1]!.chain;
      checked += heads.length;
      broken.push(...(prefix === 'complaint:' ? await checkComplaintChains(db, heads) : await checkAuditChains(db, heads)));
    }
  }
  return { checked, adopted, broken };
}

async function checkComplaintChains(db: Executor, heads: ChainHead[]): Promise<BrokenChain[]> {
  const ids = heads.map((h) => {
    const owner = chainOwner(h.chain);
    return owner.kind === 'complaint' ? owner.complaintId : '';
  });
  const events = groupBy(await listEventsOfComplaints(db, ids), (e) => e.complaintId);
  return heads.flatMap((head, i) => {
    const result = verifyEventChain(events.get(ids[i]!) ?? [], head);
    return result.intact ? [] : [{ chain: head.chain, brokenAtSequence: result.brokenAtSequence, reason: result.reason }];
  });
}

async function checkAuditChains(db: Executor, heads: ChainHead[]): Promise<BrokenChain[]> {
  const entries = groupBy(await listAuditChainEntries(db, heads.map((h) => h.chain)), (e) => e.chain);
  return heads.flatMap((head) => {
    const result = verifyAuditEntries(entries.get(head.chain) ?? [], head);
    return result ? [{ chain: head.chain, ...result }] : [];
  });
}

async function adoptHistoriesWithoutHead(db: Executor, broken: BrokenChain[]): Promise<number> {
  const orphans = await queryRows<{ complaint_id: string }>(
    db,
    sql`select distinct e.complaint_id from complaint_events e
        where not exists (select 1 from history_chains h where h.chain = 'complaint:' || e.complaint_id::text)`,
  );
  let adopted = 0;
  for (const { complaint_id: id } of orphans) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select id from complaints where id = ${id} for update`);
      // A head kept meanwhile, by an event written since the list was read, means nothing to adopt.
      if (await readChainHead(tx, complaintChain(id))) return;
      const events = await listEventsOfComplaints(tx, [id]);
      const result = verifyEventChain(events, null);
      if (!result.intact) {
        broken.push({ chain: complaintChain(id), brokenAtSequence: result.brokenAtSequence, reason: result.reason });
        return;
      }
      await keepChainHead(tx, complaintChain(id), events.length, events[events.length - 1]!.hash);
      adopted += 1;
    });
  }
  return adopted;
}
