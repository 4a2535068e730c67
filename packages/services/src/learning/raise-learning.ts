import { findTeamPlace, insertLearningPoint, listLearningOwners, listLearningSources } from '@complaints/db';
import { checkDueOn, checkLearningLevel, type FieldProblem, londonDateOf, type RaiseLearningInput, raiseLearningSchema, readLearningSource } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';

/**
 * Learning raised from a complaint, one of its management reviews, its referral to the Ombudsman
 * or one recommendation the Ombudsman made on it: a move of the complaint's lifecycle, so its history shows that learning came of it
 * and from what. The level's area must be given (a team's learning names its team), and may only
 * be the complaint's own: a team of its service area, that service area, or its business area.
 * The point stores the areas above its own too, so each level's log finds it.
 */
export const raiseLearningMove: MoveUseCase<'raise_learning', RaiseLearningInput, { learningPointId: string }> = {
  move: 'raise_learning',
  input: raiseLearningSchema,
  async apply({ tx, complaint, staff, now }, input) {
    const problems: FieldProblem[] = [...checkLearningLevel(input.level, input)];
    problems.push(...checkDueOn(input.dueOn, londonDateOf(now)));

    const source = readLearningSource(input.source, complaint.id);
    const sources = await listLearningSources(tx, complaint.id);
    // The form offers only this complaint's recommendations, so another's (or none) is refused
    // outright, not shown as a choice to correct.
    if (source?.kind === 'ombudsman_recommendation' && !sources.recommendations.some((r) => r.id === source.id)) throw new Refusal('recommendation_not_on_complaint');
    const known =
      source !== null &&
      (source.kind === 'complaint' ||
        (source.kind === 'management_review' && sources.reviews.some((r) => r.id === source.id)) ||
        (source.kind === 'ombudsman_referral' && sources.referrals.some((r) => r.id === source.id)) ||
        source.kind === 'ombudsman_recommendation');
    if (!known) problems.push({ field: 'source', message: 'source.invalid' });

    // Only the complaint's own places: the form offers no others, and nothing else is accepted.
    let areas = { teamId: null as string | null, serviceAreaId: null as string | null, businessAreaId: null as string | null };
    if (input.level === 'team' && input.teamId) {
      const place = await findTeamPlace(tx, input.teamId);
      if (!place || place.serviceAreaId !== complaint.serviceAreaId) problems.push({ field: 'teamId', message: 'team.invalid' });
      else areas = { teamId: input.teamId, ...place };
    } else if (input.level === 'service_area' && input.serviceAreaId) {
      if (input.serviceAreaId !== complaint.serviceAreaId || !complaint.businessAreaId) problems.push({ field: 'serviceAreaId', message: 'serviceArea.invalid' });
      else areas = { teamId: null, serviceAreaId: input.serviceAreaId, businessAreaId: complaint.businessAreaId };
    } else if (input.level === 'business_area' && input.businessAreaId) {
      if (input.businessAreaId !== complaint.businessAreaId) problems.push({ field: 'businessAreaId', message: 'businessArea.invalid' });
      else areas = { teamId: null, serviceAreaId: null, businessAreaId: input.businessAreaId };
    }

    const owners = await listLearningOwners(tx, complaint.businessAreaId);
    if (!owners.some((o) => o.id === input.ownerId)) problems.push({ field: 'ownerId', message: 'owner.required' });
    if (problems.length > 0) throw Refusal.invalid(problems);

    const learningPointId = await insertLearningPoint(tx, {
      complaintId: complaint.id,
      sourceKind: source!.kind,
      sourceId: source!.id,
      level: input.level,
      ...areas,
      learnt: input.learnt,
      action: input.action,
      ownerId: input.ownerId,
      dueOn: input.dueOn,
      raisedBy: staff!.id,
      at: now,
    });
    return {
      payload: { learningPointId, level: input.level, source: source!.kind, sourceId: source!.id, dueOn: input.dueOn },
      auditSubject: `learning_point:${learningPointId}`,
      result: { learningPointId },
    };
  },
};

export function raiseLearning(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, raiseLearningMove, { complaintId }, raw);
}
