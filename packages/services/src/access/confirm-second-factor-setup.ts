import { accountThrottleBucket, decodeTotpKey, matchTotpCode, SIGN_IN_THROTTLE } from '@complaints/auth';
import {
  clearRateLimit,
  enableStaffSecondFactor,
  findStaffCredentialsById,
  hitRateLimit,
  markSessionSecondFactorVerified,
  recordAudit,
} from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';

export type SecondFactorSetupResult = 'enabled' | 'wrong' | 'throttled' | 'already_enabled';

/**
 * Turns on the second factor once the person has typed a code from the new secret, which shows
 * their app holds it. The code's step is stored as used, and this session counts as verified.
 * A second factor already on is not replaced here (an administrator resets it).
 */
export async function confirmSecondFactorSetup(
  deps: ServiceDependencies,
  input: { sessionId: string; staffId: string; key: string; code: string; requestId?: string | undefined },
): Promise<SecondFactorSetupResult> {
  const account = await findStaffCredentialsById(deps.db, input.staffId);
  if (!account) return 'wrong';
  if (account.totpEnabledAt) return 'already_enabled';
  const key = decodeTotpKey(input.key);
  if (!key) return 'wrong';
  const now = deps.clock.now();
  const bucket = accountThrottleBucket(account.email);
  if (!(await hitRateLimit(deps.db, bucket, { ...SIGN_IN_THROTTLE.account, now })).allowed) return 'throttled';
  const match = matchTotpCode(key, input.code, now, null);
  if (!match.ok) {
    await recordAudit(deps.db, { staffId: account.id, action: 'staff.second_factor_failed', requestId: input.requestId ?? null }, now);
    return 'wrong';
  }
  await deps.db.transaction(async (tx) => {
    await clearRateLimit(tx, bucket);
    await enableStaffSecondFactor(tx, account.id, { key, enabledAt: now, step: match.step });
    await markSessionSecondFactorVerified(tx, input.sessionId);
    await recordAudit(tx, { staffId: account.id, action: 'staff.second_factor_enabled', requestId: input.requestId ?? null }, now);
  });
  return 'enabled';
}
