import { insertQualityReview } from '@complaints/db';
import { type ClosureCheckInput, closureCheckSchema, judgeClosureCheck } from '@complaints/domain';
import { closureRecord } from './closure-record';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';

/**
 * The CSQ manager's check of a file against the electronic record before it is closed: every point
 * answered, every letter approved and sent, timescales met or the reason recorded, the record
 * complete; each ticked with a note. A check that is not complete is kept too (what was ticked
 * and why not), and closing waits for a complete one.
 */
export const checkClosureMove: MoveUseCase<'quality_assure_closure', ClosureCheckInput, { reviewId: string; complete: boolean }> = {
  move: 'quality_assure_closure',
  input: closureCheckSchema,
  async apply({ tx, complaint, facts, staff, stage, now }, input) {
    const judged = judgeClosureCheck(input, await closureRecord(tx, complaint.id, facts));
    if (judged.problems.length > 0) throw Refusal.invalid(judged.problems);
    const reviewId = await insertQualityReview(tx, {
      complaintId: complaint.id,
      letterId: null,
      kind: 'closure',
      letterVersion: null,
      stage,
      outcome: judged.complete ? 'approved' : 'returned',
      comments: null,
      checklist: judged.items,
      reviewerId: staff!.id,
      at: now,
    });
    return { payload: { reviewId, complete: judged.complete }, result: { reviewId, complete: judged.complete } };
  },
};

export function checkClosure(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, checkClosureMove, { complaintId }, raw);
}
