import { type IsoDate, londonDateOf, requiredText } from '@complaints/domain';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';

export const PAUSE_LIMITS = { reason: 2000 } as const;

const input = z.object({
  /** What we asked the complainant for, and are waiting on. */
  reason: requiredText('reason', PAUSE_LIMITS.reason),
});

/**
 * The clock stops while we wait on the complainant for something we asked them for. It starts
 * again when it arrives (see resume-clock.ts), and the response date moves on by the working days
 * it stood still.
 */
export const pauseClockMove: MoveUseCase<'pause_clock', z.output<typeof input>, { pausedOn: IsoDate }> = {
  move: 'pause_clock',
  input,
  async apply({ now }, { reason }) {
    const pausedOn = londonDateOf(now);
    return { payload: { pausedOn }, reason, changes: { pausedSince: now }, result: { pausedOn } };
  },
};

export function pauseClock(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, pauseClockMove, { complaintId }, raw);
}
