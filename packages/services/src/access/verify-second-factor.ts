import { findStaffCredentialsById, markSessionSecondFactorVerified, recordAudit } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import type { CodeCheck } from './second-factor-check';
import { checkSecondFactorCode } from './second-factor-check';

/** The second step of signing in: the code from the person's authenticator app. */
export async function verifySecondFactor(
  deps: ServiceDependencies,
  input: { sessionId: string; staffId: string; code: string; requestId?: string | undefined },
): Promise<CodeCheck> {
  const account = await findStaffCredentialsById(deps.db, input.staffId);
  if (!account?.totpKey || !account.totpEnabledAt) return 'wrong';
  const result = await checkSecondFactorCode(deps, { ...account, totpKey: account.totpKey }, input.code);
  const now = deps.clock.now();
  if (result === 'accepted') {
    await deps.db.transaction(async (tx) => {
      await markSessionSecondFactorVerified(tx, input.sessionId);
      await recordAudit(tx, { staffId: account.id, action: 'staff.second_factor_verified', requestId: input.requestId ?? null }, now);
    });
  } else {
    await recordAudit(deps.db, { staffId: account.id, action: result === 'throttled' ? 'staff.sign_in_throttled' : 'staff.second_factor_failed', requestId: input.requestId ?? null }, now);
  }
  return result;
}
