import type { StaffActor } from '@complaints/auth';
import { deleteStaffSessionsOf, findStaffAccount, recordAudit, setStaffAccountActive as storeActive } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';

/**
 * Deactivates an account (its sessions end at once and it can no longer sign in; its history
 * stays) or reactivates it. Never one's own.
 */
export async function setStaffAccountActive(
  deps: ServiceDependencies,
  actor: StaffActor,
  id: string,
  active: boolean,
  requestId?: string,
): Promise<'done' | 'not_found' | 'own_account'> {
  ensureCapability(actor, 'manage_staff');
  const account = await findStaffAccount(deps.db, id);
  if (!account) return 'not_found';
  if (account.id === actor.id) return 'own_account';
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await storeActive(tx, id, active);
    if (!active) await deleteStaffSessionsOf(tx, id);
    await recordAudit(tx, { staffId: actor.id, action: active ? 'staff.reactivated' : 'staff.deactivated', subject: `staff:${id}`, requestId: requestId ?? null }, now);
  });
  return 'done';
}
