import { accountThrottleBucket, decodeTotpKey, generateSessionToken, matchTotpCode, SIGN_IN_THROTTLE, sessionIdOf } from '@complaints/auth';
import {
  clearRateLimit,
  enableStaffSecondFactor,
  findStaffCredentialsById,
  hitRateLimit,
  recordAudit,
  replaceStaffSession,
} from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureRecentlyAuthenticated } from './recent-authentication';
import { issueRecoveryCodes } from './recovery-codes';

export type SecondFactorSetupResult = { outcome: 'enabled'; token: string } | { outcome: 'wrong' } | { outcome: 'throttled' } | { outcome: 'already_enabled' };

/**
 * Turns on the second factor once the person has typed a code from the new secret, which shows
 * their app holds it. The code's step is stored as used, and this session counts as verified,
 * under a new token (the browser's cookie is replaced), as when a code is given at sign-in.
 *
 * A second factor already on is replaced only when `replace` is asked for (the person moving to a
 * new authenticator app) and their session shows a password typed in the last 10 minutes: the
 * old app's codes stop working at once. Otherwise an administrator resets it.
 *
 * Either way a new set of recovery codes comes with it, waiting in the session to be shown once
 * (`ownRecoveryCodes`): any earlier set stops working.
 */
export async function confirmSecondFactorSetup(
  deps: ServiceDependencies,
  input: { sessionId: string; staffId: string; key: string; code: string; replace?: boolean; requestId?: string | undefined },
): Promise<SecondFactorSetupResult> {
  const account = await findStaffCredentialsById(deps.db, input.staffId);
  if (!account) return { outcome: 'wrong' };
  const replacing = account.totpEnabledAt !== null;
  if (replacing && !input.replace) return { outcome: 'already_enabled' };
  if (replacing) await ensureRecentlyAuthenticated(deps, { id: account.id, sessionId: input.sessionId });
  const key = decodeTotpKey(input.key);
  if (!key) return { outcome: 'wrong' };
  const now = deps.clock.now();
  const bucket = accountThrottleBucket(account.email);
  if (!(await hitRateLimit(deps.db, bucket, { ...SIGN_IN_THROTTLE.account, now })).allowed) return { outcome: 'throttled' };
  const match = matchTotpCode(key, input.code, now, null);
  if (!match.ok) {
    await recordAudit(deps.db, { staffId: account.id, action: 'staff.second_factor_failed', requestId: input.requestId ?? null }, now);
    return { outcome: 'wrong' };
  }
  const token = generateSessionToken(deps.randomBytes);
  const enabled = await deps.db.transaction(async (tx) => {
    if (!(await replaceStaffSession(tx, input.sessionId, sessionIdOf(token), { secondFactorVerified: true, lastActiveAt: now }))) return false;
    await clearRateLimit(tx, bucket);
    await enableStaffSecondFactor(tx, account.id, { key: deps.secondFactorSealer.seal(key, deps.randomBytes), enabledAt: now, step: match.step });
    await issueRecoveryCodes(tx, deps, { staffId: account.id, sessionId: sessionIdOf(token), now });
    await recordAudit(tx, { staffId: account.id, action: replacing ? 'staff.second_factor_changed' : 'staff.second_factor_enabled', requestId: input.requestId ?? null }, now);
    return true;
  });
  return enabled ? { outcome: 'enabled', token } : { outcome: 'wrong' };
}
