import {
  accountThrottleBucket,
  addressThrottleBucket,
  generateSessionToken,
  newSessionTimes,
  SIGN_IN_THROTTLE,
  sessionIdOf,
  signInStage,
  verifyPassword,
  type SignInStage,
} from '@complaints/auth';
import { clearRateLimit, findStaffCredentialsByEmail, hitRateLimit, insertStaffSession, peekRateLimit, recordAudit } from '@complaints/db';
import type { RoleKey } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { dummyPasswordHash } from './dummy-password-hash';

export type SignInOutcome =
  | { outcome: 'signed_in'; token: string; stage: SignInStage; role: RoleKey }
  | { outcome: 'refused'; reason: 'invalid' | 'throttled' };

/**
 * Signs a member of staff in with their email address and password. Every refusal looks the same
 * from outside (unknown address, wrong password, deactivated account, demo account in production),
 * and takes as long, because a password hash is checked every time. Failures are throttled per
 * account and per address; a success clears the account's count and starts a new session, which
 * may still owe a second factor, a new password or the set-up of a second factor.
 */
export async function signInWithPassword(
  deps: ServiceDependencies,
  input: { email: string; password: string; clientIp: string; allowDemoAccounts: boolean; requestId?: string | undefined },
): Promise<SignInOutcome> {
  const now = deps.clock.now();
  const accountBucket = accountThrottleBucket(input.email);
  const addressBucket = addressThrottleBucket(input.clientIp);
  const account = await findStaffCredentialsByEmail(deps.db, input.email);

  const address = await peekRateLimit(deps.db, addressBucket, { ...SIGN_IN_THROTTLE.address, now });
  // Every attempt on an account counts until one succeeds, so the sixth try in the window is refused even with the right password.
  const attempts = await hitRateLimit(deps.db, accountBucket, { ...SIGN_IN_THROTTLE.account, now });
  if (!address.allowed || !attempts.allowed) {
    await recordAudit(deps.db, { staffId: account?.id ?? null, action: 'staff.sign_in_throttled', requestId: input.requestId ?? null }, now);
    return { outcome: 'refused', reason: 'throttled' };
  }

  const passwordRight = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!account || !account.active || !account.passwordHash || !passwordRight || (account.isDemo && !input.allowDemoAccounts)) {
    await hitRateLimit(deps.db, addressBucket, { ...SIGN_IN_THROTTLE.address, now });
    await recordAudit(deps.db, { staffId: account?.id ?? null, action: 'staff.sign_in_failed', requestId: input.requestId ?? null }, now);
    return { outcome: 'refused', reason: 'invalid' };
  }

  const token = generateSessionToken(deps.randomBytes);
  await deps.db.transaction(async (tx) => {
    await clearRateLimit(tx, accountBucket);
    await insertStaffSession(tx, { id: sessionIdOf(token), staffId: account.id, ...newSessionTimes(now), secondFactorVerified: false });
    await recordAudit(tx, { staffId: account.id, action: 'staff.signed_in', requestId: input.requestId ?? null }, now);
  });
  const stage = signInStage({
    role: account.role,
    secondFactorEnabled: account.totpEnabledAt !== null,
    secondFactorVerified: false,
    mustChangePassword: account.passwordChangedAt === null,
  });
  return { outcome: 'signed_in', token, stage, role: account.role };
}
