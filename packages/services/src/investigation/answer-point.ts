import { findPoint, savePointAnswer } from '@complaints/db';
import { type PointAnswer, pointAnswerSchema } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';

/**
 * The manager's answer to one point at this stage: decision, reasons, the standard and what should
 * have happened against what did, the remedy and the actions with an owner and a date. Answering
 * again replaces the answer (the history keeps each time it was given). The history records which
 * point and the decision, never the words.
 */
export const answerPointMove: MoveUseCase<'answer_point', PointAnswer, { pointId: string }> = {
  move: 'answer_point',
  input: pointAnswerSchema,
  async apply({ tx, complaint, staff, stage, now }, answer) {
    const point = await findPoint(tx, complaint.id, answer.pointId);
    if (!point || point.raisedAtStage > stage) throw new Refusal('not_found');
    await savePointAnswer(tx, {
      complaintId: complaint.id,
      pointId: point.id,
      stage,
      answer: {
        decision: answer.decision,
        reasons: answer.reasons,
        whatShouldHaveHappened: answer.whatShouldHaveHappened ?? null,
        whatHappened: answer.whatHappened ?? null,
        standardCited: answer.standardCited ?? null,
        remedy: answer.remedy ?? null,
      },
      actions: answer.actions,
      staffId: staff!.id,
      at: now,
    });
    return { payload: { pointId: point.id, decision: answer.decision, actions: answer.actions.length }, auditSubject: `point:${point.id}`, result: { pointId: point.id } };
  },
};

export function answerPoint(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, answerPointMove, { complaintId }, raw);
}
