import { generateTemporaryPassword, hashPassword, type StaffActor } from '@complaints/auth';
import { deleteStaffSessionsOf, recordAudit, setStaffPassword } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';
import { ensureRecentlyAuthenticated } from '../access/recent-authentication';
import { queueAccessChangeEmail } from './access-change-email';
import { accountToAdminister, actorName } from './staff-account-input';

/**
 * Gives someone who has forgotten their password a temporary one (shown once to the
 * administrator), which they must replace at their next sign-in. Their sessions end. Whoever can
 * do this could take over the account, so it needs a recent password, is audited, is emailed to
 * the account holder, and for a national role is for national office only.
 */
export async function resetStaffPassword(
  deps: ServiceDependencies,
  actor: StaffActor & { sessionId: string },
  id: string,
  requestId?: string,
): Promise<{ outcome: 'reset'; temporaryPassword: string } | { outcome: 'not_found' } | { outcome: 'own_account' } | { outcome: 'national_office_only' }> {
  ensureCapability(actor, 'manage_staff');
  await ensureRecentlyAuthenticated(deps, actor);
  const found = await accountToAdminister(deps, actor, id);
  if ('refused' in found) return { outcome: found.refused };
  const { account } = found;
  const temporaryPassword = generateTemporaryPassword(deps.randomBytes);
  const passwordHash = await hashPassword(temporaryPassword);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await setStaffPassword(tx, id, { passwordHash, passwordChangedAt: null });
    await deleteStaffSessionsOf(tx, id);
    await recordAudit(tx, { staffId: actor.id, action: 'staff.password_reset', subject: `staff:${id}`, requestId: requestId ?? null }, now);
    await queueAccessChangeEmail(deps, tx, account.email, { kind: 'password_reset' }, { actorName: await actorName(tx, actor.id), at: now });
  });
  return { outcome: 'reset', temporaryPassword };
}
