import { type CasePoint, type CategoryChoice, listActivePointCategories, listCasePoints, recordAudit } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { requireMove } from '../lifecycle/offered-moves';
import { Refusal } from '../refusal';
import { type CaseworkRequest, isUuid } from './casework-context';

export type PointTriageForm = {
  complaintId: string;
  reference: string;
  point: CasePoint;
  pointCount: number;
  categories: CategoryChoice[];
};

/** The triage page of one point, for someone who may triage this complaint now. */
export async function viewPointTriage(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, pointId: string): Promise<PointTriageForm> {
  const { access: facts } = await requireMove(deps, request, complaintId, 'triage_point');
  const points = await listCasePoints(deps.db, complaintId);
  const point = isUuid(pointId) ? points.find((p) => p.id === pointId) : undefined;
  if (!point) throw new Refusal('not_found');
  const categories = await listActivePointCategories(deps.db);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: `point:${point.id}`, requestId: request.requestId });
  return { complaintId, reference: facts.reference, point, pointCount: points.length, categories };
}
