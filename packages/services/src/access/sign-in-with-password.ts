import {
  addressThrottleBucket,
  afterOneMoreTry,
  generateSessionToken,
  type GrowingDelay,
  newSessionTimes,
  pairThrottleBucket,
  passwordThrottleBucket,
  SIGN_IN_THROTTLE,
  secondsBeforeNextTry,
  sessionIdOf,
  signInStage,
  type TriesSoFar,
  verifyPassword,
  type SignInStage,
} from '@complaints/auth';
import { clearRateLimit, findStaffCredentialsByEmail, hitRateLimit, insertStaffSession, peekRateLimit, recordAudit, tryInGrowingBucket } from '@complaints/db';
import type { RoleKey } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { dummyPasswordHash } from './dummy-password-hash';

export type SignInOutcome =
  | { outcome: 'signed_in'; token: string; stage: SignInStage; role: RoleKey }
  | { outcome: 'refused'; reason: 'invalid' | 'throttled' };

/**
 * Signs a member of staff in with their email address and password. Every refusal looks the same
 * from outside (unknown address, wrong password, deactivated account, demo account in production),
 * and takes as long, because a password hash is checked every time. Tries are slowed with growing
 * waits per account and address, and per account (`SIGN_IN_THROTTLE`), failures limited per
 * address; a success clears the account's tries and starts a new session, which
 * may still owe a second factor, a new password or the set-up of a second factor.
 */
export async function signInWithPassword(
  deps: ServiceDependencies,
  input: { email: string; password: string; clientIp: string; allowDemoAccounts: boolean; requestId?: string | undefined },
): Promise<SignInOutcome> {
  const now = deps.clock.now();
  const pairBucket = pairThrottleBucket(input.email, input.clientIp);
  const passwordBucket = passwordThrottleBucket(input.email);
  const addressBucket = addressThrottleBucket(input.clientIp);
  const account = await findStaffCredentialsByEmail(deps.db, input.email);

  const address = await peekRateLimit(deps.db, addressBucket, { ...SIGN_IN_THROTTLE.address, now });
  // Every try counts until one succeeds, so a try during a wait is refused even with the right
  // password; the wait from this address and the wait on the account from anywhere both apply.
  const growing = (rule: GrowingDelay) => ({
    wait: (sofar: TriesSoFar | null) => secondsBeforeNextTry(sofar, now, rule),
    after: (sofar: TriesSoFar | null) => afterOneMoreTry(sofar, now, rule),
  });
  const fromHere = address.allowed ? await tryInGrowingBucket(deps.db, pairBucket, growing(SIGN_IN_THROTTLE.pair)) : null;
  const anywhere = fromHere?.allowed ? await tryInGrowingBucket(deps.db, passwordBucket, growing(SIGN_IN_THROTTLE.password)) : null;
  if (!address.allowed || !fromHere?.allowed || !anywhere?.allowed) {
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
    await clearRateLimit(tx, pairBucket);
    await clearRateLimit(tx, passwordBucket);
    await insertStaffSession(tx, { id: sessionIdOf(token), staffId: account.id, ...newSessionTimes(now), secondFactorVerified: false });
    await recordAudit(tx, { staffId: account.id, action: 'staff.signed_in', requestId: input.requestId ?? null }, now);
  });
  const stage = signInStage({
    secondFactorEnabled: account.totpEnabledAt !== null,
    secondFactorVerified: false,
    mustChangePassword: account.passwordChangedAt === null,
  });
  return { outcome: 'signed_in', token, stage, role: account.role };
}
