import { isSealed } from '@complaints/auth';
import { listStaffSecondFactorKeys, replaceStaffSecondFactorKey } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';

/**
 * Seals every second-factor secret still stored as it was before sealing began (and those the
 * demo seed writes), at each start: safe to run on every instance at once, as each replacement
 * happens only if the row still holds the value read. Returns how many were sealed.
 */
export async function sealSecondFactorKeys(deps: Pick<ServiceDependencies, 'db' | 'secondFactorSealer' | 'randomBytes'>): Promise<number> {
  let sealed = 0;
  for (const { id, totpKey } of await listStaffSecondFactorKeys(deps.db)) {
    if (isSealed(totpKey)) continue;
    if (await replaceStaffSecondFactorKey(deps.db, id, totpKey, deps.secondFactorSealer.seal(totpKey, deps.randomBytes))) sealed += 1;
  }
  return sealed;
}
