import { optionalText } from '@complaints/domain';
import { z } from 'zod';
import type { ServiceDependencies } from '../dependencies';
import { type MoveRequest, type MoveUseCase, runMove } from '../lifecycle/run-move';
import { tellCaseholder } from '../tracking/tell-caseholder';

export const WITHDRAWAL_LIMITS = { reason: 2000 } as const;

const input = z.object({ reason: optionalText('reason', WITHDRAWAL_LIMITS.reason) });

/**
 * The complainant withdraws their complaint: staff record it when they told us by letter, email or
 * phone, or the complainant does it themselves from their tracking page (whoever deals with it is
 * then told at once). They need not say why; if
 * they did, it is kept as the event's reason. Nothing more is owed on it, so it leaves every queue's
 * due dates and warnings.
 */
export const withdrawComplaintMove: MoveUseCase<'withdraw', z.output<typeof input>, null> = {
  move: 'withdraw',
  input,
  async apply({ tx, deps, complaint, staff, now }, { reason }) {
    const outbox = staff ? [] : await tellCaseholder(tx, deps, complaint, 'withdrawn', now);
    return { payload: {}, reason: reason ?? null, changes: { currentDueOn: null, withdrawnAt: now }, outbox, result: null };
  },
};

export function withdrawComplaint(deps: ServiceDependencies, request: MoveRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, withdrawComplaintMove, { complaintId }, raw);
}
