import type { StaffActor } from '@complaints/auth';
import { clearStaffSecondFactor, deleteStaffSessionsOf, recordAudit } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';
import { ensureRecentlyAuthenticated } from '../access/recent-authentication';
import { queueAccessChangeEmail } from './access-change-email';
import { accountToAdminister, actorName } from './staff-account-input';

/**
 * For someone who has lost their authenticator app: their second factor is removed and their
 * sessions end. If their role needs one, they must set up a new one at their next sign-in. The
 * account holder is emailed; for a national role it is for national office only.
 */
export async function resetStaffSecondFactor(
  deps: ServiceDependencies,
  actor: StaffActor & { sessionId: string },
  id: string,
  requestId?: string,
): Promise<'reset' | 'not_found' | 'own_account' | 'national_office_only'> {
  ensureCapability(actor, 'manage_staff');
  await ensureRecentlyAuthenticated(deps, actor);
  const found = await accountToAdminister(deps, actor, id);
  if ('refused' in found) return found.refused;
  const { account } = found;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await clearStaffSecondFactor(tx, id);
    await deleteStaffSessionsOf(tx, id);
    await recordAudit(tx, { staffId: actor.id, action: 'staff.second_factor_reset', subject: `staff:${id}`, requestId: requestId ?? null }, now);
    await queueAccessChangeEmail(deps, tx, account.email, { kind: 'second_factor_reset' }, { actorName: await actorName(tx, actor.id), at: now });
  });
  return 'reset';
}
