import { type LearningPlaces, type LearningSources, listLearningOwners, listLearningPlaces, listLearningSources, recordAudit } from '@complaints/db';
import { type LearningSourceKind, learningSourceValue, londonDateOf, readLearningSource, type Stage } from '@complaints/domain';
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
  /**
   * What the form starts with: the source asked for when it is one of the complaint's (else the
   * complaint), the complaint's own team, the person raising it as the owner, and, from one of the
   * Ombudsman's recommendations, the action it recommended.
   */
  source: string;
  teamId: string | null;
  ownerId: string;
  action: string;
};

/** The form that raises learning from a complaint: its places, what it may come from, and who may own the action. */
export async function viewRaiseLearning(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, askedSource = ''): Promise<RaiseLearningPage> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'raise_learning');
  if (blocked) throw new Refusal(blocked);
  const [places, sources, owners] = await Promise.all([
    listLearningPlaces(deps.db, { serviceAreaId: access.serviceAreaId, businessAreaId: access.businessAreaId }),
    listLearningSources(deps.db, complaintId),
    listLearningOwners(deps.db, access.businessAreaId),
  ]);
  const asked = readLearningSource(askedSource, complaintId);
  const ofComplaint: Record<Exclude<LearningSourceKind, 'complaint'>, ReadonlyArray<{ id: string }>> = {
    management_review: sources.reviews,
    ombudsman_referral: sources.referrals,
    ombudsman_recommendation: sources.recommendations,
  };
  const chosen = asked && asked.kind !== 'complaint' && ofComplaint[asked.kind].some((s) => s.id === asked.id) ? asked : null;
  const recommendation = chosen?.kind === 'ombudsman_recommendation' ? sources.recommendations.find((r) => r.id === chosen.id) : undefined;
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:raise_learning', requestId: request.requestId });
  return {
    complaintId,
    reference: access.reference,
    stage: access.stage,
    today: londonDateOf(deps.clock.now()),
    places,
    sources,
    owners: owners.map(({ id, fullName, jobTitle }) => ({ id, fullName, jobTitle })),
    source: chosen ? learningSourceValue(chosen.kind, chosen.id) : 'complaint',
    teamId: places.teams.some((t) => t.id === access.teamId) ? access.teamId : null,
    ownerId: owners.some((o) => o.id === request.actor.id) ? request.actor.id : '',
    action: recommendation?.action ?? '',
  };
}
