import { type CasePoint, type CategoryChoice, listActivePointCategories, listCasePoints, recordAudit } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ComplaintNotFoundError, type CaseworkRequest, isUuid, workableComplaint } from './casework-context';

export type PointTriageForm = {
  complaintId: string;
  reference: string;
  point: CasePoint;
  pointCount: number;
  categories: CategoryChoice[];
};

/** The triage page of one point, for someone who may triage this complaint now. */
export async function viewPointTriage(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, pointId: string): Promise<PointTriageForm> {
  const { facts } = await workableComplaint(deps.db, request.actor, complaintId, 'triage_point');
  const points = await listCasePoints(deps.db, complaintId);
  const point = isUuid(pointId) ? points.find((p) => p.id === pointId) : undefined;
  if (!point) throw new ComplaintNotFoundError();
  const categories = await listActivePointCategories(deps.db);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: `point:${point.id}`, requestId: request.requestId });
  return { complaintId, reference: facts.reference, point, pointCount: points.length, categories };
}
