import { endTrackingSession, touchTrackingSession } from '@complaints/db';
import { TRACKING_LIMITS } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { hashOf } from '../protection/secrets';

/** A complainant's open tracking session: the one complaint it may see and change. */
export type TrackingSession = { complaintId: string; requestId: string };

/**
 * The session a tracking cookie names, if it is open and was used in the last 30 minutes (and now
 * marked used again); null otherwise, and the person is asked for their reference again.
 */
export async function resumeTrackingSession(deps: Pick<ServiceDependencies, 'db' | 'clock'>, input: { token: string | null; requestId: string }): Promise<TrackingSession | null> {
  if (!input.token) return null;
  const now = deps.clock.now();
  const activeSince = new Date(now.getTime() - TRACKING_LIMITS.sessionIdleMinutes * 60_000);
  const session = await touchTrackingSession(deps.db, hashOf(input.token), { now, activeSince });
  return session ? { complaintId: session.complaintId, requestId: input.requestId } : null;
}

/** "Sign out" and "Exit this page": the session ends at once, whatever the browser keeps. */
export async function endTracking(deps: Pick<ServiceDependencies, 'db' | 'clock'>, token: string | null): Promise<void> {
  if (token) await endTrackingSession(deps.db, hashOf(token), deps.clock.now());
}
