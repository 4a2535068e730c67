import { type CasePoint, type CategoryChoice, listActivePointCategories, listCasePoints, listReviewPlaces, recordAudit, type ReviewPlaces } from '@complaints/db';
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
  /** The practitioners the point may be about, by team, and the one chosen to start with. */
  places: ReviewPlaces;
  practitionerId: string | null;
};

/** The triage page of one point, for someone who may triage this complaint now. */
export async function viewPointTriage(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, pointId: string): Promise<PointTriageForm> {
  const { access: facts } = await requireMove(deps, request, complaintId, 'triage_point');
  const points = await listCasePoints(deps.db, complaintId);
  const point = isUuid(pointId) ? points.find((p) => p.id === pointId) : undefined;
  if (!point) throw new Refusal('not_found');
  const [categories, places] = await Promise.all([
    listActivePointCategories(deps.db),
    listReviewPlaces(deps.db, { serviceAreaId: facts.serviceAreaId, practitionerId: point.practitionerId ?? facts.practitionerId }),
  ]);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: `point:${point.id}`, requestId: request.requestId });
  // Before a point is triaged, the complaint's own practitioner is the likely one.
  const practitionerId = point.triage === null ? (point.practitionerId ?? facts.practitionerId) : point.practitionerId;
  return { complaintId, reference: facts.reference, point, pointCount: points.length, categories, places, practitionerId: practitionerId ?? null };
}
