import { type ComplaintAccessFacts, listCsqManagers, listResponderCandidates, recordAudit, type StaffPlacement } from '@complaints/db';
import { type RankedCandidate, type SuggestionReason, rankResponders, suggestCsqManager } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { checkMoves } from '../lifecycle/offered-moves';
import { Refusal } from '../refusal';
import { type CaseworkRequest, visibleComplaint } from './casework-context';

export type AssignmentChoices = {
  /** Managers who may answer, closest to the casework first, each with why they are offered. */
  responders: Array<{ id: string; fullName: string; reason: SuggestionReason }>;
  suggestedResponderId: string | null;
  currentResponderId: string | null;
  /** Null when this person may not choose the CSQ manager (a Head of Service reassigns only the responder). */
  csqManagers: Array<{ id: string; fullName: string; inArea: boolean }> | null;
  suggestedCsqManagerId: string | null;
  currentCsqManagerId: string | null;
};

/**
 * Everyone the complaint may be given to: responding managers of its business area (all of them
 * when it is not routed yet), never the stage 1 responder for a stage 2 review, and always the one
 * who has it now.
 */
export async function assignmentChoices(
  deps: Pick<ServiceDependencies, 'db'>,
  request: CaseworkRequest,
  facts: ComplaintAccessFacts,
): Promise<AssignmentChoices> {
  const checks = await checkMoves(deps.db, request, facts, ['assign_responder', 'assign_csq_manager']);
  const responder = checks.assign_responder;
  const csqManager = checks.assign_csq_manager;
  if (!responder.ok && !csqManager.ok) throw new Refusal(responder.reason === 'not_allowed' ? csqManager.reason : responder.reason);
  const mayAssignResponder = responder.ok;
  const mayAssignCsq = csqManager.ok;
  const [candidates, csq] = await Promise.all([listResponderCandidates(deps.db), listCsqManagers(deps.db)]);
  const ranked = rankResponders(candidates, {
    stage: facts.stage,
    teamId: facts.teamId,
    serviceAreaId: facts.serviceAreaId,
    businessAreaId: facts.businessAreaId,
    stageOneResponderIds: facts.stage === 2 ? facts.stageOneResponderIds : [],
  });
  const offered = ranked.filter(
    (r: RankedCandidate<StaffPlacement>) => facts.businessAreaId === null || r.reason !== 'elsewhere' || r.candidate.id === facts.responderId,
  );
  const suggested = offered[0] && offered[0].reason !== 'elsewhere' ? offered[0].candidate.id : null;
  const csqSuggestion = suggestCsqManager(csq, facts.businessAreaId);
  return {
    responders: mayAssignResponder ? offered.map((r) => ({ id: r.candidate.id, fullName: r.candidate.fullName, reason: r.reason })) : [],
    suggestedResponderId: mayAssignResponder ? suggested : null,
    currentResponderId: facts.responderId,
    csqManagers: mayAssignCsq
      ? [...csq]
          .sort((a, b) => Number(b.businessAreaId === facts.businessAreaId) - Number(a.businessAreaId === facts.businessAreaId))
          .map((m) => ({ id: m.id, fullName: m.fullName, inArea: m.businessAreaId === facts.businessAreaId }))
      : null,
    suggestedCsqManagerId: csqSuggestion?.id ?? null,
    currentCsqManagerId: facts.csqManagerId,
  };
}

export type AssignmentPage = AssignmentChoices & { complaintId: string; reference: string; stage: 1 | 2 };

/** The assignment page of a complaint; opening it is recorded in the audit log. */
export async function viewAssignment(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<AssignmentPage> {
  const facts = await visibleComplaint(deps.db, request.actor, complaintId);
  const choices = await assignmentChoices(deps, request, facts);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:assignment', requestId: request.requestId });
  return { ...choices, complaintId, reference: facts.reference, stage: facts.stage };
}
