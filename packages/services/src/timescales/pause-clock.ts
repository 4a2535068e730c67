import { listWrittenRequests, type WrittenRequest } from '@complaints/db';
import { type IsoDate, londonDateOf, requiredText } from '@complaints/domain';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { type MoveForm, viewMoveForm } from '../lifecycle/view-move-form';
import { Refusal } from '../refusal';

export const PAUSE_LIMITS = { reason: 2000 } as const;

const input = z.object({
  /** The letter or email in which we asked: one sent from the case or recorded as sent. */
  askedIn: z.string({ error: 'askedIn.required' }).trim().min(1, { error: 'askedIn.required' }),
  /** What we asked the complainant for, and are waiting on. */
  reason: requiredText('reason', PAUSE_LIMITS.reason),
});

/**
 * The clock stops while we wait on the complainant for something we asked them for in writing: the
 * pause names the letter or email that asked, which must be on the case (sent from it, or recorded
 * in its correspondence as sent). It starts again when what we asked for arrives (see
 * add-information.ts) or when staff start it (resume-clock.ts), and the response date moves on by
 * the working days it stood still.
 */
export const pauseClockMove: MoveUseCase<'pause_clock', z.output<typeof input>, { pausedOn: IsoDate }> = {
  move: 'pause_clock',
  input,
  async apply({ tx, complaint, now }, { askedIn, reason }) {
    const requests = await listWrittenRequests(tx, complaint.id);
    if (!requests.some((r) => r.ref === askedIn)) throw Refusal.invalid([{ field: 'askedIn', message: 'askedIn.unknown' }]);
    const pausedOn = londonDateOf(now);
    return { payload: { pausedOn, askedIn }, reason, changes: { pausedSince: now }, auditSubject: askedIn, result: { pausedOn } };
  },
};

export function pauseClock(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, pauseClockMove, { complaintId }, raw);
}

/** The pause's page: the letters and emails on the case it may name, newest first (none: record one first). */
export async function viewPauseClock(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<MoveForm & { requests: WrittenRequest[] }> {
  const form = await viewMoveForm(deps, request, complaintId, 'pause_clock');
  return { ...form, requests: await listWrittenRequests(deps.db, complaintId) };
}
