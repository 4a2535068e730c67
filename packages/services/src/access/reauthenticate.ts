import { accountThrottleBucket, SIGN_IN_THROTTLE, verifyPassword } from '@complaints/auth';
import { clearRateLimit, findStaffCredentialsById, hitRateLimit, markSessionReauthenticated, recordAudit } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { checkSecondFactorCode } from './second-factor-check';

export type Reauthentication = 'confirmed' | 'wrong' | 'code_wrong' | 'throttled';

/**
 * Confirms it is still the same person before a sensitive action (changing roles, exporting):
 * their password again, and a code when they have a second factor. Stamps the session, which
 * then counts as recently authenticated for 10 minutes.
 */
export async function reauthenticate(
  deps: ServiceDependencies,
  input: { sessionId: string; staffId: string; password: string; code?: string | undefined; requestId?: string | undefined },
): Promise<Reauthentication> {
  const account = await findStaffCredentialsById(deps.db, input.staffId);
  if (!account?.passwordHash) return 'wrong';
  const now = deps.clock.now();
  const bucket = accountThrottleBucket(account.email);
  if (!(await hitRateLimit(deps.db, bucket, { ...SIGN_IN_THROTTLE.account, now })).allowed) return 'throttled';
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    await recordAudit(deps.db, { staffId: account.id, action: 'staff.reauthentication_failed', requestId: input.requestId ?? null }, now);
    return 'wrong';
  }
  if (account.totpKey && account.totpEnabledAt) {
    const code = await checkSecondFactorCode(deps, { ...account, totpKey: account.totpKey }, input.code ?? '', { attemptCounted: true });
    if (code !== 'accepted') {
      await recordAudit(deps.db, { staffId: account.id, action: 'staff.reauthentication_failed', requestId: input.requestId ?? null }, now);
      return code === 'throttled' ? 'throttled' : 'code_wrong';
    }
  }
  await deps.db.transaction(async (tx) => {
    await clearRateLimit(tx, bucket);
    await markSessionReauthenticated(tx, input.sessionId, now);
    await recordAudit(tx, { staffId: account.id, action: 'staff.reauthenticated', requestId: input.requestId ?? null }, now);
  });
  return 'confirmed';
}
