import { removeExpiredRecords as removeExpired } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';

/** Daily: clears expired drafts, codes, rate-limit windows and sessions. */
export function removeExpiredRecords(deps: Pick<ServiceDependencies, 'db' | 'clock'>): Promise<Record<string, number>> {
  return removeExpired(deps.db, deps.clock.now());
}
