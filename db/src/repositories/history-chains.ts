import { and, asc, eq, gt, inArray, like, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { type HashKind, sealChainHead } from '../history-seal';
import { historyChains } from '../schema/index';

/** Whose records a chain holds, read back from its name ('complaint:<id>', 'audit:staff:<id>', 'audit:anonymous'). */
export type ChainOwner = { kind: 'complaint'; complaintId: string } | { kind: 'audit'; staffId: string | null };

export function chainOwner(chain: string): ChainOwner {
  if (chain.startsWith('complaint:')) return { kind: 'complaint', complaintId: chain.slice('complaint:'.length) };
  return { kind: 'audit', staffId: chain.startsWith('audit:staff:') ? chain.slice('audit:staff:'.length) : null };
}

/** A chain's kept head: its length and newest signature, with the signature over both. */
export type ChainHead = { chain: string; length: number; headHash: string; seal: string };

/**
 * How a chain was found broken:
 * - changed: a record no longer matches its signature, or the one before it (changed, inserted,
 *   reordered or removed from the middle);
 * - newest_removed: fewer records than the kept head says;
 * - beyond_head: more records than the kept head says (written round the service);
 * - head_changed: the kept head's own signature does not match it;
 * - head_missing: signed records with no kept head.
 */
export type ChainBreak = 'changed' | 'newest_removed' | 'beyond_head' | 'head_changed' | 'head_missing';

/** One record of a chain, as the check needs it: `recompute` signs its content again after a given previous signature. */
export type ChainLink = {
  sequence: number;
  previousHash: string | null;
  hash: string;
  hashKind: HashKind;
  recompute(previousHash: string | null, kind: HashKind): string;
};

/**
 * Checks one chain's records (in order) against its kept head. Records from before the history key
 * (plain SHA-256) are accepted only as the chain's first records: after the first signed record,
 * every record must be signed. Returns where the chain first breaks, or null when it holds.
 */
export function checkChain(links: ChainLink[], head: ChainHead | null): { brokenAtSequence: number; reason: ChainBreak } | null {
  let previousHash: string | null = null;
  let signedSeen = false;
  for (const [index, link] of links.entries()) {
    signedSeen ||= link.hashKind === 'hmac-sha256';
    const wellPlaced = link.sequence === index + 1 && link.previousHash === previousHash && (link.hashKind === 'hmac-sha256' || !signedSeen);
    if (!wellPlaced || link.recompute(previousHash, link.hashKind) !== link.hash) return { brokenAtSequence: link.sequence, reason: 'changed' };
    previousHash = link.hash;
  }
  if (!head) return signedSeen ? { brokenAtSequence: 1, reason: 'head_missing' } : null;
  if (head.seal !== sealChainHead(head.chain, head.length, head.headHash)) return { brokenAtSequence: Math.min(head.length, links.length) || 1, reason: 'head_changed' };
  if (links.length < head.length) return { brokenAtSequence: links.length + 1, reason: 'newest_removed' };
  if (links.length > head.length) return { brokenAtSequence: head.length + 1, reason: 'beyond_head' };
  if (links.length > 0 && previousHash !== head.headHash) return { brokenAtSequence: links.length, reason: 'changed' };
  return null;
}

export async function readChainHead(db: Executor, chain: string): Promise<ChainHead | null> {
  const [head] = await db
    .select({ chain: historyChains.chain, length: historyChains.length, headHash: historyChains.headHash, seal: historyChains.seal })
    .from(historyChains)
    .where(eq(historyChains.chain, chain));
  return head ?? null;
}

/**
 * Keeps a chain's new head, signed, in the transaction that appended to it. A trigger refuses a
 * head that does not grow, so the caller must hold the chain's lock (the complaint row, or the
 * audit chain's lock).
 */
export async function keepChainHead(tx: Executor, chain: string, length: number, headHash: string): Promise<void> {
  const seal = sealChainHead(chain, length, headHash);
  await tx
    .insert(historyChains)
    .values({ chain, length, headHash, seal })
    .onConflictDoUpdate({ target: historyChains.chain, set: { length, headHash, seal, updatedAt: sql`now()` } });
}

/** Kept heads of one kind of chain ('complaint:' or 'audit:'), a page at a time in name order. */
export async function listChainHeads(db: Executor, prefix: 'complaint:' | 'audit:', after: string | null, limit: number): Promise<ChainHead[]> {
  return db
    .select({ chain: historyChains.chain, length: historyChains.length, headHash: historyChains.headHash, seal: historyChains.seal })
    .from(historyChains)
    .where(and(like(historyChains.chain, `${prefix}%`), after === null ? undefined : gt(historyChains.chain, after)))
    .orderBy(asc(historyChains.chain))
    .limit(limit);
}

/** Kept heads by name, for chains found another way. */
export async function chainHeadsNamed(db: Executor, chains: string[]): Promise<Map<string, ChainHead>> {
  if (chains.length === 0) return new Map();
  const rows = await db
    .select({ chain: historyChains.chain, length: historyChains.length, headHash: historyChains.headHash, seal: historyChains.seal })
    .from(historyChains)
    .where(inArray(historyChains.chain, chains));
  return new Map(rows.map((r) => [r.chain, r]));
}
