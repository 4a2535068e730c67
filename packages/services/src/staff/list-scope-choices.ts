import type { StaffActor } from '@complaints/auth';
import { loadOrganisation, type BusinessAreaRecord } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';

/** The business areas, service areas and teams a new account's role can cover. */
export async function listScopeChoices(deps: ServiceDependencies, actor: StaffActor): Promise<BusinessAreaRecord[]> {
  ensureCapability(actor, 'manage_staff');
  return loadOrganisation(deps.db);
}
