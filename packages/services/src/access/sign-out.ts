import { deleteStaffSession, recordAudit } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';

/** Ends a session on the server: the row goes, so the token is worthless even if it was copied. */
export async function signOut(deps: ServiceDependencies, input: { sessionId: string; staffId: string; requestId?: string | undefined }): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await deleteStaffSession(tx, input.sessionId);
    await recordAudit(tx, { staffId: input.staffId, action: 'staff.signed_out', requestId: input.requestId ?? null }, deps.clock.now());
  });
}
