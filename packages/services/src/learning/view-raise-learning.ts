import { type LearningPlaces, type LearningSources, listLearningOwners, listLearningPlaces, listLearningSources, recordAudit } from '@complaints/db';
import { londonDateOf, type Stage } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { requireMove } from '../lifecycle/offered-moves';
import { Refusal } from '../refusal';

export type RaiseLearningPage = {
  complaintId: string;
  reference: string;
  stage: Stage;
  today: string;
  places: LearningPlaces;
  sources: LearningSources;
  owners: Array<{ id: string; fullName: string; jobTitle: string | null }>;
  /** What the form starts with: the complaint's own team, and the person raising it as the owner. */
  teamId: string | null;
  ownerId: string;
};

/** The form that raises learning from a complaint: its places, what it may come from, and who may own the action. */
export async function viewRaiseLearning(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<RaiseLearningPage> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'raise_learning');
  if (blocked) throw new Refusal(blocked);
  const [places, sources, owners] = await Promise.all([
    listLearningPlaces(deps.db, { serviceAreaId: access.serviceAreaId, businessAreaId: access.businessAreaId }),
    listLearningSources(deps.db, complaintId),
    listLearningOwners(deps.db, access.businessAreaId),
  ]);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:raise_learning', requestId: request.requestId });
  return {
    complaintId,
    reference: access.reference,
    stage: access.stage,
    today: londonDateOf(deps.clock.now()),
    places,
    sources,
    owners: owners.map(({ id, fullName, jobTitle }) => ({ id, fullName, jobTitle })),
    teamId: places.teams.some((t) => t.id === access.teamId) ? access.teamId : null,
    ownerId: owners.some((o) => o.id === request.actor.id) ? request.actor.id : '',
  };
}
