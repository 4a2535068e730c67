import { listActiveFrameworkItems, listQualityGrades, listReviewPlaces, recordAudit, type ReviewPlaces } from '@complaints/db';
import type { QualityFrameworkItem, QualityGrade, Stage } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { requireMove } from '../lifecycle/offered-moves';
import { Refusal } from '../refusal';

export type ManagementReviewPage = {
  complaintId: string;
  reference: string;
  stage: Stage;
  items: QualityFrameworkItem[];
  grades: QualityGrade[];
  places: ReviewPlaces;
  /** The complaint's own team and practitioner, chosen to start with. */
  teamId: string | null;
  practitionerId: string | null;
};

/** The management review form: the framework as it stands, the grades, and whom it may be linked to. */
export async function viewManagementReview(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<ManagementReviewPage> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'record_management_review');
  if (blocked) throw new Refusal(blocked);
  const [items, grades, places] = await Promise.all([
    listActiveFrameworkItems(deps.db),
    listQualityGrades(deps.db),
    listReviewPlaces(deps.db, { serviceAreaId: access.serviceAreaId, practitionerId: access.practitionerId }),
  ]);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:management_review', requestId: request.requestId });
  const teamId = places.teams.some((t) => t.id === access.teamId) ? access.teamId : null;
  const practitioner = places.practitioners.find((p) => p.id === access.practitionerId);
  return {
    complaintId,
    reference: access.reference,
    stage: access.stage,
    items,
    grades,
    places,
    // With no team on the complaint, the practitioner's team is the one to start from.
    teamId: teamId ?? practitioner?.teamId ?? null,
    practitionerId: practitioner?.id ?? null,
  };
}
