import { optionalText } from '@complaints/domain';
import { z } from 'zod';
import type { ServiceDependencies } from '../dependencies';
import { type MoveRequest, type MoveUseCase, runMove } from '../lifecycle/run-move';

export const WITHDRAWAL_LIMITS = { reason: 2000 } as const;

const input = z.object({ reason: optionalText('reason', WITHDRAWAL_LIMITS.reason) });

/**
 * The complainant withdraws their complaint: staff record it when they told us by letter, email or
 * phone (the tracking page may make the same move for the complainant). They need not say why; if
 * they did, it is kept as the event's reason. Nothing more is owed on it, so it leaves every queue's
 * due dates and warnings.
 */
export const withdrawComplaintMove: MoveUseCase<'withdraw', z.output<typeof input>, null> = {
  move: 'withdraw',
  input,
  async apply({ now }, { reason }) {
    return { payload: {}, reason: reason ?? null, changes: { currentDueOn: null, withdrawnAt: now }, result: null };
  },
};

export function withdrawComplaint(deps: ServiceDependencies, request: MoveRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, withdrawComplaintMove, { complaintId }, raw);
}
