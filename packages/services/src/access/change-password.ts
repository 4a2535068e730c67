import {
  accountThrottleBucket,
  checkNewPassword,
  generateSessionToken,
  hashPassword,
  newSessionTimes,
  SIGN_IN_THROTTLE,
  sessionIdOf,
  verifyPassword,
  type PasswordProblem,
} from '@complaints/auth';
import {
  clearRateLimit,
  deleteStaffSessionsOf,
  findStaffCredentialsById,
  findStaffSession,
  hitRateLimit,
  insertStaffSession,
  recordAudit,
  setStaffPassword,
} from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';

export type PasswordChange =
  | { outcome: 'changed'; token: string }
  | { outcome: 'refused'; problem: PasswordProblem | 'current_wrong' | 'current_missing' | 'same_as_current' | 'throttled' };

/**
 * Changes a person's own password: the current one first (not needed when they signed in with a
 * temporary one and must choose their own), then the new one against the policy. Every session
 * of theirs ends on the server, this one included, and this browser gets a fresh one, so a
 * session someone else may hold is worthless from now on.
 */
export async function changePassword(
  deps: ServiceDependencies,
  input: { sessionId: string; staffId: string; current?: string | undefined; next: string; requestId?: string | undefined },
): Promise<PasswordChange> {
  const account = await findStaffCredentialsById(deps.db, input.staffId);
  const found = await findStaffSession(deps.db, input.sessionId);
  if (!account?.passwordHash || !found || found.staff.id !== account.id) return { outcome: 'refused', problem: 'current_wrong' };
  const now = deps.clock.now();
  const mustChange = account.passwordChangedAt === null;
  const bucket = accountThrottleBucket(account.email);
  if (!mustChange) {
    if (!input.current) return { outcome: 'refused', problem: 'current_missing' };
    if (!(await hitRateLimit(deps.db, bucket, { ...SIGN_IN_THROTTLE.account, now })).allowed) return { outcome: 'refused', problem: 'throttled' };
    if (!(await verifyPassword(account.passwordHash, input.current))) {
      await recordAudit(deps.db, { staffId: account.id, action: 'staff.password_change_failed', requestId: input.requestId ?? null }, now);
      return { outcome: 'refused', problem: 'current_wrong' };
    }
  }
  const problem = checkNewPassword(input.next, { email: account.email });
  if (problem) return { outcome: 'refused', problem };
  if (await verifyPassword(account.passwordHash, input.next)) return { outcome: 'refused', problem: 'same_as_current' };

  const passwordHash = await hashPassword(input.next);
  const token = generateSessionToken(deps.randomBytes);
  await deps.db.transaction(async (tx) => {
    await setStaffPassword(tx, account.id, { passwordHash, passwordChangedAt: now });
    await deleteStaffSessionsOf(tx, account.id);
    await insertStaffSession(tx, {
      id: sessionIdOf(token),
      staffId: account.id,
      ...newSessionTimes(now),
      secondFactorVerified: found.session.secondFactorVerified,
    });
    await clearRateLimit(tx, bucket);
    await recordAudit(tx, { staffId: account.id, action: 'staff.password_changed', requestId: input.requestId ?? null }, now);
  });
  return { outcome: 'changed', token };
}
