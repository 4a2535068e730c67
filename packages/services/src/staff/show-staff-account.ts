import type { StaffActor } from '@complaints/auth';
import { findStaffAccount, loadOrganisation, type BusinessAreaRecord, type StaffAccount } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';

/** One staff account for its administration page, with the organisation to choose a scope from. */
export async function showStaffAccount(
  deps: ServiceDependencies,
  actor: StaffActor,
  id: string,
): Promise<{ account: StaffAccount; organisation: BusinessAreaRecord[] } | null> {
  ensureCapability(actor, 'manage_staff');
  const account = /^[0-9a-f-]{36}$/i.test(id) ? await findStaffAccount(deps.db, id) : null;
  if (!account) return null;
  return { account, organisation: await loadOrganisation(deps.db) };
}
