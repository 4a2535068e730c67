import { listQualityReviews } from '@complaints/db';
import { z } from 'zod';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import type { CaseworkRequest } from './casework-context';

/** The file is closed once its closure check is complete (the lifecycle's guard); nothing more is owed. */
export const closeComplaintMove: MoveUseCase<'close', Record<string, never>, null> = {
  move: 'close',
  input: z.object({}) as z.ZodType<Record<string, never>>,
  async apply({ tx, complaint, stage, now }) {
    const reviews = await listQualityReviews(tx, { complaintId: complaint.id, kind: 'closure' });
    const check = reviews.filter((r) => r.stage === stage).at(-1)!;
    return { payload: { reviewId: check.id }, changes: { closedAt: now, currentDueOn: null }, result: null };
  },
};

export function closeComplaint(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string) {
  return runMove(deps, request, closeComplaintMove, { complaintId }, {});
}
