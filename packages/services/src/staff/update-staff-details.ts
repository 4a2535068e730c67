import type { StaffActor } from '@complaints/auth';
import { findStaffAccount, recordAudit, updateStaffAccount } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';
import { fieldProblems, staffDetailsSchema, type FieldProblems } from './staff-account-input';

export type StaffDetailsUpdate = { outcome: 'updated' } | { outcome: 'not_found' } | { outcome: 'invalid'; problems: FieldProblems };

/** A staff account's name, job title and phone number; the role stays as it is. */
export async function updateStaffDetails(
  deps: ServiceDependencies,
  actor: StaffActor,
  id: string,
  input: Record<string, unknown>,
  requestId?: string,
): Promise<StaffDetailsUpdate> {
  ensureCapability(actor, 'manage_staff');
  const account = await findStaffAccount(deps.db, id);
  if (!account) return { outcome: 'not_found' };
  const parsed = staffDetailsSchema.safeParse(input);
  if (!parsed.success) return { outcome: 'invalid', problems: fieldProblems(parsed.error) };
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await updateStaffAccount(tx, id, { ...parsed.data, role: account.role, businessAreaId: account.businessAreaId, serviceAreaId: account.serviceAreaId, teamId: account.teamId });
    await recordAudit(tx, { staffId: actor.id, action: 'staff.updated', subject: `staff:${id}`, requestId: requestId ?? null }, now);
  });
  return { outcome: 'updated' };
}
