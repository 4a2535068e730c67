import { generateSessionToken, normaliseRecoveryCode, normaliseTotpCode, sessionIdOf } from '@complaints/auth';
import { countUnusedStaffRecoveryCodes, findStaffCredentialsById, recordAudit, replaceStaffSession } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { checkRecoveryCode, checkSecondFactorCode } from './second-factor-check';

export type SecondFactorVerification =
  /** `recoveryCodesLeft` when a recovery code was given instead of a code from the app. */
  | { outcome: 'accepted'; token: string; recoveryCodesLeft?: number }
  | { outcome: 'wrong' }
  | { outcome: 'throttled' };

/**
 * The second step of signing in: the code from the person's authenticator app. Once accepted the
 * session gets a new token (the browser's cookie is replaced), so a token taken before the second
 * factor was given is not a signed-in session afterwards.
 *
 * Someone who has lost their app types one of their recovery codes instead: each works once, and
 * tries count with wrong codes and wrong passwords towards the account's limit.
 */
export async function verifySecondFactor(
  deps: ServiceDependencies,
  input: { sessionId: string; staffId: string; code: string; requestId?: string | undefined },
): Promise<SecondFactorVerification> {
  const account = await findStaffCredentialsById(deps.db, input.staffId);
  if (!account?.totpKey || !account.totpEnabledAt) return { outcome: 'wrong' };
  const recovery = normaliseTotpCode(input.code) === null && normaliseRecoveryCode(input.code) !== null;
  const result = recovery ? await checkRecoveryCode(deps, account, input.code) : await checkSecondFactorCode(deps, { ...account, totpKey: account.totpKey }, input.code);
  const now = deps.clock.now();
  if (result !== 'accepted') {
    await recordAudit(deps.db, { staffId: account.id, action: result === 'throttled' ? 'staff.sign_in_throttled' : 'staff.second_factor_failed', requestId: input.requestId ?? null }, now);
    return { outcome: result };
  }
  const token = generateSessionToken(deps.randomBytes);
  const replaced = await deps.db.transaction(async (tx) => {
    if (!(await replaceStaffSession(tx, input.sessionId, sessionIdOf(token), { secondFactorVerified: true, lastActiveAt: now }))) return false;
    await recordAudit(tx, { staffId: account.id, action: recovery ? 'staff.recovery_code_used' : 'staff.second_factor_verified', requestId: input.requestId ?? null }, now);
    return true;
  });
  if (!replaced) return { outcome: 'wrong' };
  return recovery ? { outcome: 'accepted', token, recoveryCodesLeft: await countUnusedStaffRecoveryCodes(deps.db, account.id) } : { outcome: 'accepted', token };
}
