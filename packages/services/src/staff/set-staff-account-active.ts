import type { StaffActor } from '@complaints/auth';
import { deleteStaffSessionsOf, recordAudit, setStaffAccountActive as storeActive } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';
import { queueAccessChangeEmail } from './access-change-email';
import { accountToAdminister, actorName } from './staff-account-input';

/**
 * Deactivates an account (its sessions end at once and it can no longer sign in; its history
 * stays) or reactivates it. Never one's own; a national role's only by national office. The
 * holder of a reactivated account is emailed.
 */
export async function setStaffAccountActive(
  deps: ServiceDependencies,
  actor: StaffActor,
  id: string,
  active: boolean,
  requestId?: string,
): Promise<'done' | 'not_found' | 'own_account' | 'national_office_only'> {
  ensureCapability(actor, 'manage_staff');
  const found = await accountToAdminister(deps, actor, id);
  if ('refused' in found) return found.refused;
  const { account } = found;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await storeActive(tx, id, active);
    if (!active) await deleteStaffSessionsOf(tx, id);
    await recordAudit(tx, { staffId: actor.id, action: active ? 'staff.reactivated' : 'staff.deactivated', subject: `staff:${id}`, requestId: requestId ?? null }, now);
    if (active && !account.active) await queueAccessChangeEmail(deps, tx, account.email, { kind: 'reactivated', role: account.role }, { actorName: await actorName(tx, actor.id), at: now });
  });
  return 'done';
}
