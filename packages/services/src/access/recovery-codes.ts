import { generateRecoveryCodes, recoveryCodeHash } from '@complaints/auth';
import {
  countUnusedStaffRecoveryCodes,
  findSessionRecoveryCodesToShow,
  findStaffCredentialsById,
  recordAudit,
  replaceStaffRecoveryCodes,
  setSessionRecoveryCodesToShow,
  type Transaction,
} from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { Refusal } from '../refusal';
import { ensureRecentlyAuthenticated } from './recent-authentication';

/**
 * A new set of recovery codes for a member of staff, in the caller's transaction: their hashes
 * replace the old set (which stops working), and the codes themselves wait in the session, sealed
 * with the second-factor key, to be shown once on the next page (a page after a redirect, as the
 * session's token may just have changed).
 */
export async function issueRecoveryCodes(
  tx: Transaction,
  deps: Pick<ServiceDependencies, 'randomBytes' | 'secondFactorSealer'>,
  input: { staffId: string; sessionId: string; now: Date },
): Promise<void> {
  const codes = generateRecoveryCodes(deps.randomBytes);
  await replaceStaffRecoveryCodes(tx, input.staffId, codes.map(recoveryCodeHash), input.now);
  const sealed = deps.secondFactorSealer.seal(new TextEncoder().encode(JSON.stringify(codes)), deps.randomBytes);
  await setSessionRecoveryCodesToShow(tx, { id: input.sessionId, staffId: input.staffId }, sealed);
}

/**
 * New recovery codes from one's own account, after a password typed in the last 10 minutes: for
 * someone who has used some, or fears the old ones were seen. Only with a second factor on.
 */
export async function renewRecoveryCodes(deps: ServiceDependencies, input: { staffId: string; sessionId: string; requestId?: string | undefined }): Promise<void> {
  await ensureRecentlyAuthenticated(deps, { id: input.staffId, sessionId: input.sessionId });
  const account = await findStaffCredentialsById(deps.db, input.staffId);
  if (!account?.totpEnabledAt) throw new Refusal('no_second_factor');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await issueRecoveryCodes(tx, deps, { staffId: input.staffId, sessionId: input.sessionId, now });
    await recordAudit(tx, { staffId: input.staffId, action: 'staff.recovery_codes_renewed', requestId: input.requestId ?? null }, now);
  });
}

/** One's recovery codes: those waiting in this session to be shown (or null), and how many are left to use. */
export async function ownRecoveryCodes(deps: ServiceDependencies, input: { staffId: string; sessionId: string }): Promise<{ toShow: string[] | null; left: number }> {
  const sealed = await findSessionRecoveryCodesToShow(deps.db, input.sessionId, input.staffId);
  const opened = sealed ? deps.secondFactorSealer.open(sealed) : null;
  const toShow = opened ? (JSON.parse(new TextDecoder().decode(opened)) as string[]) : null;
  return { toShow, left: await countUnusedStaffRecoveryCodes(deps.db, input.staffId) };
}

/** How many of the person's recovery codes are left unused, for their account page. */
export async function recoveryCodesLeft(deps: ServiceDependencies, input: { staffId: string }): Promise<number> {
  return countUnusedStaffRecoveryCodes(deps.db, input.staffId);
}

/** The person has kept their new codes: they are no longer held in the session. */
export async function recoveryCodesKept(deps: ServiceDependencies, input: { staffId: string; sessionId: string }): Promise<void> {
  await setSessionRecoveryCodesToShow(deps.db, { id: input.sessionId, staffId: input.staffId }, null);
}
