import { isRecentlyAuthenticated } from '@complaints/auth';
import { findStaffSession } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { Refusal } from '../refusal';

/**
 * The second line behind the route's check: the session itself must show a recent password (typed
 * in the last 10 minutes), so a use case cannot be reached for a sensitive action without one.
 */
export async function ensureRecentlyAuthenticated(deps: ServiceDependencies, actor: { id: string; sessionId: string }): Promise<void> {
  const found = await findStaffSession(deps.db, actor.sessionId);
  if (!found || found.staff.id !== actor.id || !isRecentlyAuthenticated(found.session, deps.clock.now())) {
    throw new Refusal('reauthentication_required');
  }
}
