import { accountThrottleBucket, matchTotpCode, recoveryCodeHash, SIGN_IN_THROTTLE } from '@complaints/auth';
import { claimTotpStep, clearRateLimit, hitRateLimit, type StaffCredentials, useStaffRecoveryCode } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';

export type CodeCheck = 'accepted' | 'wrong' | 'throttled';

/**
 * A code typed by someone whose password is already known to be right, checked under their
 * account's limit (a 6-digit code must not be guessable by trying them all): the try is counted
 * unless it was already (with a password in the same form), and a right code clears the count.
 */
async function countedCheck(
  deps: ServiceDependencies,
  email: string,
  options: { attemptCounted?: boolean | undefined },
  check: (now: Date) => Promise<boolean>,
): Promise<CodeCheck> {
  const now = deps.clock.now();
  const bucket = accountThrottleBucket(email);
  if (!options.attemptCounted && !(await hitRateLimit(deps.db, bucket, { ...SIGN_IN_THROTTLE.account, now })).allowed) return 'throttled';
  if (!(await check(now))) return 'wrong';
  await clearRateLimit(deps.db, bucket);
  return 'accepted';
}

/**
 * Checks a code from the authenticator app: the code's time step is claimed in the same statement
 * that checks it is new, so it works once only.
 */
export async function checkSecondFactorCode(
  deps: ServiceDependencies,
  account: Pick<StaffCredentials, 'id' | 'email' | 'totpKey' | 'totpLastStep'> & { totpKey: Uint8Array },
  code: string,
  options: { attemptCounted?: boolean } = {},
): Promise<CodeCheck> {
  return countedCheck(deps, account.email, options, async (now) => {
    // A key that does not open (sealed with another key, or altered) accepts no code.
    const key = deps.secondFactorSealer.open(account.totpKey);
    if (!key) return false;
    const match = matchTotpCode(key, code, now, account.totpLastStep);
    return match.ok && (await claimTotpStep(deps.db, account.id, match.step));
  });
}

/**
 * Checks a recovery code typed instead of a code from the app: the code is marked used in the
 * statement that finds it, so it works once only.
 */
export async function checkRecoveryCode(deps: ServiceDependencies, account: Pick<StaffCredentials, 'id' | 'email'>, code: string): Promise<CodeCheck> {
  return countedCheck(deps, account.email, {}, (now) => useStaffRecoveryCode(deps.db, account.id, recoveryCodeHash(code), now));
}
