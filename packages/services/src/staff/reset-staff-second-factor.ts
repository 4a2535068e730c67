import type { StaffActor } from '@complaints/auth';
import { clearStaffSecondFactor, deleteStaffSessionsOf, findStaffAccount, recordAudit } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';
import { ensureRecentlyAuthenticated } from '../access/recent-authentication';

/**
 * For someone who has lost their authenticator app: their second factor is removed and their
 * sessions end. If their role needs one, they must set up a new one at their next sign-in.
 */
export async function resetStaffSecondFactor(
  deps: ServiceDependencies,
  actor: StaffActor & { sessionId: string },
  id: string,
  requestId?: string,
): Promise<'reset' | 'not_found' | 'own_account'> {
  ensureCapability(actor, 'manage_staff');
  await ensureRecentlyAuthenticated(deps, actor);
  const account = await findStaffAccount(deps.db, id);
  if (!account) return 'not_found';
  if (account.id === actor.id) return 'own_account';
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await clearStaffSecondFactor(tx, id);
    await deleteStaffSessionsOf(tx, id);
    await recordAudit(tx, { staffId: actor.id, action: 'staff.second_factor_reset', subject: `staff:${id}`, requestId: requestId ?? null }, now);
  });
  return 'reset';
}
