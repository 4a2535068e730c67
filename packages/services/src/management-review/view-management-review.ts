import { findCurrentFramework, listReviewPlaces, listReviewPoints, recordAudit, type ReviewPlaces } from '@complaints/db';
import type { QualityFrameworkItem, QualityGrade, Stage } from '@complaints/domain';
import { type CaseworkRequest, isUuid } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { requireMove } from '../lifecycle/offered-moves';
import { Refusal } from '../refusal';

export type ManagementReviewPage = {
  complaintId: string;
  reference: string;
  stage: Stage;
  /** The version of the framework the review will be made against. */
  frameworkVersion: number;
  items: QualityFrameworkItem[];
  grades: QualityGrade[];
  places: ReviewPlaces;
  /** The complaint's points, each with the practitioner triage said it is about. */
  points: Array<{ id: string; position: number; text: string; practitionerId: string | null }>;
  /** The point chosen to start with, and the team and practitioner that follow from it (or from the complaint). */
  pointId: string | null;
  teamId: string | null;
  practitionerId: string | null;
};

/**
 * The management review form: the framework as it stands, the grades, the points it may be about
 * and whom it may be linked to. Opened from a point (`pointId`), the practitioner triage recorded
 * for that point is chosen to start with.
 */
export async function viewManagementReview(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, pointId: string | null = null): Promise<ManagementReviewPage> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'record_management_review');
  if (blocked) throw new Refusal(blocked);
  const [framework, places, points] = await Promise.all([
    findCurrentFramework(deps.db),
    listReviewPlaces(deps.db, { serviceAreaId: access.serviceAreaId, practitionerId: access.practitionerId }),
    listReviewPoints(deps.db, complaintId),
  ]);
  if (!framework) throw new Refusal('not_found');
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:management_review', requestId: request.requestId });
  const point = pointId && isUuid(pointId) ? points.find((p) => p.id === pointId) : undefined;
  const practitioner = places.practitioners.find((p) => p.id === (point?.practitionerId ?? access.practitionerId));
  const teamId = practitioner?.teamId ?? (places.teams.some((t) => t.id === access.teamId) ? access.teamId : null);
  return {
    complaintId,
    reference: access.reference,
    stage: access.stage,
    frameworkVersion: framework.version,
    items: framework.items,
    grades: framework.grades,
    places,
    points,
    pointId: point?.id ?? null,
    teamId,
    practitionerId: practitioner?.id ?? null,
  };
}
