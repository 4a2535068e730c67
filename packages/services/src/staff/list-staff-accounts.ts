import type { StaffActor } from '@complaints/auth';
import { listStaffAccounts as listAccounts, loadOrganisation, type StaffAccount } from '@complaints/db';
import type { RoleKey } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';

export const STAFF_PAGE_SIZE = 25;

export type StaffAccountList = {
  accounts: StaffAccount[];
  total: number;
  page: number;
  pages: number;
  businessAreas: Array<{ id: string; name: { en: string; cy: string } }>;
};

/** Staff accounts for administrators: filtered by role, business area or a name, a page at a time. */
export async function listStaffAccounts(
  deps: ServiceDependencies,
  actor: StaffActor,
  filter: { role?: RoleKey | undefined; businessAreaId?: string | undefined; search?: string | undefined; includeInactive?: boolean | undefined; page: number },
): Promise<StaffAccountList> {
  ensureCapability(actor, 'manage_staff');
  const page = Math.max(1, Math.floor(filter.page));
  const { accounts, total } = await listAccounts(deps.db, { ...filter, limit: STAFF_PAGE_SIZE, offset: (page - 1) * STAFF_PAGE_SIZE });
  const organisation = await loadOrganisation(deps.db);
  return {
    accounts,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE)),
    businessAreas: organisation.map((a) => ({ id: a.id, name: a.name })),
  };
}
