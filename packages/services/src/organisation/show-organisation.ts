import type { StaffActor } from '@complaints/auth';
import { listActiveStaffWithRole, loadOrganisation, type BusinessAreaRecord } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';

export type OrganisationView = {
  businessAreas: BusinessAreaRecord[];
  /** Who can be named: CSQ administrators for business areas, Heads of Service for service areas. */
  csqAdministrators: Array<{ id: string; fullName: string }>;
  headsOfService: Array<{ id: string; fullName: string }>;
};

/** The organisation's structure for those who manage it. */
export async function showOrganisation(deps: ServiceDependencies, actor: StaffActor): Promise<OrganisationView> {
  ensureCapability(actor, 'manage_organisation');
  return {
    businessAreas: await loadOrganisation(deps.db),
    csqAdministrators: await listActiveStaffWithRole(deps.db, 'csq_administrator'),
    headsOfService: await listActiveStaffWithRole(deps.db, 'head_of_service'),
  };
}
