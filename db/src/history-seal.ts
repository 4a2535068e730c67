import { createHash, createHmac } from 'node:crypto';

/*
 * The complaint history and the audit log are chains: each record carries a signature over what it
 * says and the signature of the record before it, made with HISTORY_KEY, which lives outside the
 * database. Someone who can write to the database but has not got the key cannot change, reorder
 * or insert a record without the check noticing; and since each chain's length and newest
 * signature are kept (and signed too), removing the newest records is noticed as well.
 *
 * The key is set once per process, when it starts (openRuntime, or a test's set-up), like the
 * process's time zone: every write of history anywhere in the process uses it, and passing it
 * through each of the many services that record an audit entry would add nothing but noise.
 */
let key: Uint8Array | null = null;

/** Sets the key this process signs and checks history with. */
export function useHistoryKey(historyKey: Uint8Array): void {
  if (historyKey.length !== 32) throw new Error('The history key must be 32 bytes.');
  key = historyKey;
}

function historyKey(): Uint8Array {
  if (!key) throw new Error('No history key is set in this process: call useHistoryKey at start, before any history is written or checked.');
  return key;
}

/** How a record's signature was made: with the key, or (records written before the key) a plain SHA-256. */
export type HashKind = 'hmac-sha256' | 'sha256';

/** The signature of one record's canonical text. */
export function signHistory(canonical: string, kind: HashKind = 'hmac-sha256'): string {
  if (kind === 'sha256') return createHash('sha256').update(canonical).digest('hex');
  return createHmac('sha256', historyKey()).update(canonical).digest('hex');
}

/** The signature of a chain's kept head: its name, its length and its newest record's signature. */
export function sealChainHead(chain: string, length: number, headHash: string): string {
  return signHistory(`chain-head\n${chain}\n${length}\n${headHash}`);
}
