import { type AnsweredPoint, listAnsweredPoints, recordAudit } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { requireMove } from '../lifecycle/offered-moves';
import { Refusal } from '../refusal';
import { type CaseworkRequest, isUuid } from '../casework/casework-context';

export type PointAnswerForm = {
  complaintId: string;
  reference: string;
  stage: 1 | 2;
  point: AnsweredPoint;
  pointCount: number;
  /** At stage 2, what stage 1 said of the point. */
  stageOneAnswer: AnsweredPoint['answer'];
  stageOneActions: AnsweredPoint['actions'];
};

/** The page for answering one point, for the manager answering the complaint now. */
export async function viewPointAnswer(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, pointId: string): Promise<PointAnswerForm> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'answer_point');
  if (blocked) throw new Refusal(blocked);
  const points = await listAnsweredPoints(deps.db, complaintId, access.stage);
  const point = isUuid(pointId) ? points.find((p) => p.id === pointId) : undefined;
  if (!point) throw new Refusal('not_found');
  const earlier = access.stage === 2 ? (await listAnsweredPoints(deps.db, complaintId, 1)).find((p) => p.id === pointId) : undefined;
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: `point:${point.id}`, requestId: request.requestId });
  return {
    complaintId,
    reference: access.reference,
    stage: access.stage,
    point,
    pointCount: points.length,
    stageOneAnswer: earlier?.answer ?? null,
    stageOneActions: earlier?.actions ?? [],
  };
}
