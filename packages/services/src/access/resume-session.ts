import { checkSession, isRecentlyAuthenticated, isWellFormedSessionToken, sessionIdOf, signInStage, type SignInStage } from '@complaints/auth';
import { deleteStaffSession, findStaffSession, touchStaffSession, type SessionStaff, type StaffSessionRecord } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';

export type ResumedSession = {
  session: StaffSessionRecord;
  staff: SessionStaff;
  stage: SignInStage;
  /** The password was typed within the last 10 minutes. */
  recentlyAuthenticated: boolean;
};

/**
 * The session a request's token belongs to, if it is still good: ended (and deleted) when idle
 * for 30 minutes, 12 hours after sign-in, when the account has been deactivated, or when it is a
 * demo account and demo accounts are refused. Activity moves the idle timeout on.
 */
export async function resumeSession(
  deps: ServiceDependencies,
  input: { token: string; allowDemoAccounts: boolean },
): Promise<ResumedSession | null> {
  if (!isWellFormedSessionToken(input.token)) return null;
  const found = await findStaffSession(deps.db, sessionIdOf(input.token));
  if (!found) return null;
  const now = deps.clock.now();
  const check = checkSession(found.session, now);
  if (check.status === 'expired' || !found.staff.active || (found.staff.isDemo && !input.allowDemoAccounts)) {
    await deleteStaffSession(deps.db, found.session.id);
    return null;
  }
  let session = found.session;
  if (check.touch) {
    await touchStaffSession(deps.db, session.id, { lastActiveAt: check.lastActiveAt, expiresAt: check.expiresAt });
    session = { ...session, lastActiveAt: check.lastActiveAt, expiresAt: check.expiresAt };
  }
  return {
    session,
    staff: found.staff,
    stage: signInStage({
      secondFactorEnabled: found.staff.secondFactorEnabled,
      secondFactorVerified: session.secondFactorVerified,
      mustChangePassword: found.staff.passwordChangedAt === null,
    }),
    recentlyAuthenticated: isRecentlyAuthenticated(session, now),
  };
}
