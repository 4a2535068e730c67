import { accountThrottleBucket, matchTotpCode, recoveryCodeHash, SIGN_IN_THROTTLE } from '@complaints/auth';
import { claimTotpStep, clearRateLimit, hitRateLimit, type StaffCredentials, useStaffRecoveryCode } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';

export type CodeCheck = 'accepted' | 'wrong' | 'throttled';

/**
 * Checks a code typed by someone whose password is already known to be right: throttled with
 * their failed sign-ins (a 6-digit code must not be guessable by trying them all), and the code's
 * time step claimed in the same statement that checks it is new, so it works once only.
 */
export async function checkSecondFactorCode(
  deps: ServiceDependencies,
  account: Pick<StaffCredentials, 'id' | 'email' | 'totpKey' | 'totpLastStep'> & { totpKey: Uint8Array },
  code: string,
  options: { attemptCounted?: boolean } = {},
): Promise<CodeCheck> {
  const now = deps.clock.now();
  const bucket = accountThrottleBucket(account.email);
  // With a password in the same form, the attempt was counted once already.
  if (!options.attemptCounted && !(await hitRateLimit(deps.db, bucket, { ...SIGN_IN_THROTTLE.account, now })).allowed) return 'throttled';
  // A key that does not open (sealed with another key, or altered) accepts no code.
  const key = deps.secondFactorSealer.open(account.totpKey);
  if (!key) return 'wrong';
  const match = matchTotpCode(key, code, now, account.totpLastStep);
  if (!match.ok || !(await claimTotpStep(deps.db, account.id, match.step))) return 'wrong';
  await clearRateLimit(deps.db, bucket);
  return 'accepted';
}

/**
 * Checks a recovery code typed instead of a code from the app, throttled in the same way: the
 * code is marked used in the statement that finds it, so it works once only.
 */
export async function checkRecoveryCode(deps: ServiceDependencies, account: Pick<StaffCredentials, 'id' | 'email'>, code: string): Promise<CodeCheck> {
  const now = deps.clock.now();
  const bucket = accountThrottleBucket(account.email);
  if (!(await hitRateLimit(deps.db, bucket, { ...SIGN_IN_THROTTLE.account, now })).allowed) return 'throttled';
  if (!(await useStaffRecoveryCode(deps.db, account.id, recoveryCodeHash(code), now))) return 'wrong';
  await clearRateLimit(deps.db, bucket);
  return 'accepted';
}
