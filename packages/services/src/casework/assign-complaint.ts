import {
  appendComplaintEvents,
  enqueueOutboxMessages,
  findManagerContact,
  findStageDates,
  listResponderCandidates,
  lockComplaint,
  recordAudit,
  recordStageResponder,
  touchComplaint,
  type NewComplaintEvent,
} from '@complaints/db';
import { type FieldProblem, checkResponderChoice } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { assignmentNotice } from './assignment-notice';
import { checkAction, ComplaintNotFoundError, type CaseworkRequest, visibleComplaint, staffEvent } from './casework-context';
import { assignmentChoices } from './view-assignment';

export type AssignInput = { responderId: string | null; csqManagerId: string | null };
export type AssignResult = { ok: true; changed: boolean } | { ok: false; problems: FieldProblem[] };

/**
 * Gives the complaint to the manager who will answer it, and to the CSQ manager who oversees it.
 * The manager is told at once by email, with a link to the case and nothing of the complainant's.
 * The first assignment at a stage keeps its time: it shows whether the complaint reached a manager
 * within the working day of receipt.
 */
export async function assignComplaint(
  deps: ServiceDependencies,
  request: CaseworkRequest,
  complaintId: string,
  input: AssignInput,
  links: { caseUrl: string },
): Promise<AssignResult> {
  const { actor } = request;
  const facts = await visibleComplaint(deps.db, actor, complaintId);
  const choices = await assignmentChoices(deps, actor, facts);

  const problems: FieldProblem[] = [];
  const mayAssignResponder = choices.responders.length > 0 || choices.currentResponderId !== null;
  let responderId: string | null = null;
  if (choices.responders.length > 0) {
    if (!input.responderId) {
      if (!choices.currentResponderId) problems.push({ field: 'responderId', message: 'responder.required' });
    } else {
      const everyone = await listResponderCandidates(deps.db);
      const check = checkResponderChoice(input.responderId, everyone, { stage: facts.stage, stageOneResponderIds: facts.stageOneResponderIds });
      if (!check.ok) problems.push({ field: 'responderId', message: check.reason === 'answered_stage_one' ? 'responder.answeredStageOne' : 'responder.invalid' });
      else if (!choices.responders.some((r) => r.id === input.responderId)) problems.push({ field: 'responderId', message: 'responder.invalid' });
      else responderId = input.responderId;
    }
  }
  let csqManagerId: string | null = null;
  if (choices.csqManagers !== null) {
    if (!input.csqManagerId) {
      if (!choices.currentCsqManagerId) problems.push({ field: 'csqManagerId', message: 'csqManager.required' });
    } else if (!choices.csqManagers.some((m) => m.id === input.csqManagerId)) {
      problems.push({ field: 'csqManagerId', message: 'csqManager.invalid' });
    } else {
      csqManagerId = input.csqManagerId;
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const newResponder = mayAssignResponder && responderId !== null && responderId !== facts.responderId ? responderId : null;
  const newCsqManager = csqManagerId !== null && csqManagerId !== facts.csqManagerId ? csqManagerId : null;
  if (newResponder === null && newCsqManager === null) return { ok: true, changed: false };

  const manager = newResponder ? await findManagerContact(deps.db, newResponder) : null;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const locked = await lockComplaint(tx, complaintId);
    if (!locked) throw new ComplaintNotFoundError();
    const events: NewComplaintEvent[] = [];
    if (newResponder && manager) {
      const transition = checkAction(locked, actor, 'assign_responder');
      const stage = await findStageDates(tx, complaintId, locked.stage);
      await recordStageResponder(tx, complaintId, locked.stage, newResponder, now);
      await touchComplaint(tx, complaintId, { responderId: newResponder, assignedAt: stage?.assignedAt ?? now });
      events.push(staffEvent(transition, actor, now, { responderId: newResponder, ...(locked.responderId ? { previousResponderId: locked.responderId } : {}) }));
      const acknowledged = locked.acknowledgedAt !== null || !['received', 'logged'].includes(locked.state);
      const notice = assignmentNotice({
        reference: locked.reference,
        stage: locked.stage,
        acknowledgeDueOn: acknowledged ? null : (stage?.acknowledgeDueOn ?? null),
        responseDueOn: stage?.responseDueOn ?? locked.currentDueOn,
        assignedBy: request.actor.fullName,
        caseUrl: links.caseUrl,
      });
      await enqueueOutboxMessages(tx, [
        {
          complaintId,
          channel: 'email',
          template: 'casework.responder_assigned',
          recipient: manager.email,
          language: 'en',
          audience: 'adult',
          payload: notice,
          createdAt: now,
          nextAttemptAt: now,
        },
      ]);
      await recordAudit(tx, { staffId: actor.id, action: 'complaint.assigned', complaintId, subject: `staff:${newResponder}`, requestId: request.requestId });
    }
    if (newCsqManager) {
      const transition = checkAction(locked, actor, 'assign_csq_manager');
      await touchComplaint(tx, complaintId, { csqManagerId: newCsqManager });
      events.push(staffEvent(transition, actor, now, { csqManagerId: newCsqManager }));
      await recordAudit(tx, { staffId: actor.id, action: 'complaint.assigned', complaintId, subject: `staff:${newCsqManager}`, requestId: request.requestId });
    }
    await appendComplaintEvents(tx, complaintId, events);
    return { ok: true as const, changed: true };
  });
}
