import { generateSessionToken, sessionIdOf } from '@complaints/auth';
import { findStaffCredentialsById, recordAudit, replaceStaffSession } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import type { CodeCheck } from './second-factor-check';
import { checkSecondFactorCode } from './second-factor-check';

export type SecondFactorVerification = { outcome: 'accepted'; token: string } | { outcome: 'wrong' } | { outcome: 'throttled' };

/**
 * The second step of signing in: the code from the person's authenticator app. Once accepted the
 * session gets a new token (the browser's cookie is replaced), so a token taken before the second
 * factor was given is not a signed-in session afterwards.
 */
export async function verifySecondFactor(
  deps: ServiceDependencies,
  input: { sessionId: string; staffId: string; code: string; requestId?: string | undefined },
): Promise<SecondFactorVerification> {
  const account = await findStaffCredentialsById(deps.db, input.staffId);
  if (!account?.totpKey || !account.totpEnabledAt) return { outcome: 'wrong' };
  const result = await checkSecondFactorCode(deps, { ...account, totpKey: account.totpKey }, input.code);
  const now = deps.clock.now();
  if (result !== 'accepted') {
    await recordAudit(deps.db, { staffId: account.id, action: result === 'throttled' ? 'staff.sign_in_throttled' : 'staff.second_factor_failed', requestId: input.requestId ?? null }, now);
    return { outcome: result };
  }
  const token = generateSessionToken(deps.randomBytes);
  const replaced = await deps.db.transaction(async (tx) => {
    if (!(await replaceStaffSession(tx, input.sessionId, sessionIdOf(token), { secondFactorVerified: true, lastActiveAt: now }))) return false;
    await recordAudit(tx, { staffId: account.id, action: 'staff.second_factor_verified', requestId: input.requestId ?? null }, now);
    return true;
  });
  return replaced ? { outcome: 'accepted', token } : { outcome: 'wrong' };
}
