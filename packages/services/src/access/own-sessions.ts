import { checkSession } from '@complaints/auth';
import { deleteStaffSessionsOf, listStaffSessionsOf, recordAudit } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';

export type OwnSession = { createdAt: Date; lastActiveAt: Date; current: boolean };

/**
 * Where a member of staff is signed in: every session of theirs still alive (not idle too long,
 * not past its limit), newest activity first, this browser's marked. Sessions are told apart by
 * when they began and were last used; their ids never leave the server.
 */
export async function listOwnSessions(deps: ServiceDependencies, input: { staffId: string; sessionId: string }): Promise<OwnSession[]> {
  const now = deps.clock.now();
  const sessions = await listStaffSessionsOf(deps.db, input.staffId);
  return sessions
    .filter((s) => s.id === input.sessionId || checkSession(s, now).status === 'active')
    .map((s) => ({ createdAt: s.createdAt, lastActiveAt: s.lastActiveAt, current: s.id === input.sessionId }));
}

/** Ends every session of the person but this browser's: a phone left signed in, a lost laptop. */
export async function signOutEverywhereElse(deps: ServiceDependencies, input: { staffId: string; sessionId: string; requestId?: string | undefined }): Promise<{ ended: number }> {
  return deps.db.transaction(async (tx) => {
    const ended = await deleteStaffSessionsOf(tx, input.staffId, { except: input.sessionId });
    await recordAudit(tx, { staffId: input.staffId, action: 'staff.signed_out_elsewhere', requestId: input.requestId ?? null }, deps.clock.now());
    return { ended };
  });
}
