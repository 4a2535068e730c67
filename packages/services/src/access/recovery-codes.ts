import { generateRecoveryCodes, recoveryCodeHash } from '@complaints/auth';
import { countUnusedStaffRecoveryCodes, findStaffCredentialsById, recordAudit, replaceStaffRecoveryCodes, type Transaction } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { Refusal } from '../refusal';
import { ensureRecentlyAuthenticated } from './recent-authentication';

/**
 * A new set of recovery codes for a member of staff, stored as hashes in the caller's transaction
 * (the old set stops working), and returned to be shown once.
 */
export async function issueRecoveryCodes(tx: Transaction, deps: Pick<ServiceDependencies, 'randomBytes'>, staffId: string, now: Date): Promise<string[]> {
  const codes = generateRecoveryCodes(deps.randomBytes);
  await replaceStaffRecoveryCodes(tx, staffId, codes.map(recoveryCodeHash), now);
  return codes;
}

/**
 * New recovery codes from one's own account, after a password typed in the last 10 minutes: for
 * someone who has used some, or fears the old ones were seen. Only with a second factor on.
 */
export async function renewRecoveryCodes(
  deps: ServiceDependencies,
  input: { staffId: string; sessionId: string; requestId?: string | undefined },
): Promise<{ recoveryCodes: string[] }> {
  await ensureRecentlyAuthenticated(deps, { id: input.staffId, sessionId: input.sessionId });
  const account = await findStaffCredentialsById(deps.db, input.staffId);
  if (!account?.totpEnabledAt) throw new Refusal('no_second_factor');
  const now = deps.clock.now();
  const recoveryCodes = await deps.db.transaction(async (tx) => {
    const codes = await issueRecoveryCodes(tx, deps, input.staffId, now);
    await recordAudit(tx, { staffId: input.staffId, action: 'staff.recovery_codes_renewed', requestId: input.requestId ?? null }, now);
    return codes;
  });
  return { recoveryCodes };
}

/** How many of one's recovery codes are left. */
export async function countOwnRecoveryCodes(deps: ServiceDependencies, input: { staffId: string }): Promise<number> {
  return countUnusedStaffRecoveryCodes(deps.db, input.staffId);
}
