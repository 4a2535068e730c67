import { findManagerContact, findStageDates, listResponderCandidates, recordStageResponder } from '@complaints/db';
import { checkResponderChoice, type FieldProblem, mayRespond } from '@complaints/domain';
import { z } from 'zod';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMoveIn } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { assignmentNotice } from './assignment-notice';
import { type CaseworkRequest, visibleComplaint } from './casework-context';
import { assignmentChoices } from './view-assignment';

export type AssignInput = { responderId: string | null; csqManagerId: string | null };
export type AssignResult = { changed: boolean };

type ResponderChoice = { responderId: string; assignedBy: string; caseUrl: string };

/**
 * The manager who will answer: told at once by email, with a link to the case and nothing of the
 * complainant's. The first assignment at a stage keeps its time: it shows whether the complaint
 * reached a manager within the working day of receipt.
 */
export const assignResponderMove: MoveUseCase<'assign_responder', ResponderChoice, null> = {
  move: 'assign_responder',
  input: z.custom<ResponderChoice>(),
  async apply({ tx, complaint, facts, now }, choice) {
    // Checked again here, under the lock, whatever the page offered: a review is never by whoever answered stage 1.
    if (!mayRespond(choice.responderId, facts)) throw new Refusal('answered_stage_one');
    const manager = await findManagerContact(tx, choice.responderId);
    if (!manager || !manager.active) throw Refusal.invalid([{ field: 'responderId', message: 'responder.invalid' }]);
    const stage = await findStageDates(tx, complaint.id, complaint.stage);
    await recordStageResponder(tx, complaint.id, complaint.stage, choice.responderId, now);
    const acknowledged = complaint.acknowledgedAt !== null || !['received', 'logged'].includes(complaint.state);
    const notice = assignmentNotice({
      reference: complaint.reference,
      stage: complaint.stage,
      acknowledgeDueOn: acknowledged ? null : (stage?.acknowledgeDueOn ?? null),
      responseDueOn: stage?.responseDueOn ?? complaint.currentDueOn,
      assignedBy: choice.assignedBy,
      caseUrl: choice.caseUrl,
    });
    return {
      payload: { responderId: choice.responderId, ...(complaint.responderId ? { previousResponderId: complaint.responderId } : {}) },
      changes: { responderId: choice.responderId, assignedAt: stage?.assignedAt ?? now },
      outbox: [
        {
          complaintId: complaint.id,
          channel: 'email',
          template: 'casework.responder_assigned',
          recipient: manager.email,
          language: 'en',
          audience: 'adult',
          payload: notice,
          createdAt: now,
          nextAttemptAt: now,
        },
      ],
      auditSubject: `staff:${choice.responderId}`,
      result: null,
    };
  },
};

/** The CSQ manager who oversees the complaint for process and quality. */
export const assignCsqManagerMove: MoveUseCase<'assign_csq_manager', { csqManagerId: string }, null> = {
  move: 'assign_csq_manager',
  input: z.custom<{ csqManagerId: string }>(),
  async apply(_context, { csqManagerId }) {
    return { payload: { csqManagerId }, changes: { csqManagerId }, auditSubject: `staff:${csqManagerId}`, result: null };
  },
};

/**
 * Gives the complaint to the manager who will answer it, and to the CSQ manager who oversees it:
 * one move each, in one transaction. A stage 2 review never goes to whoever answered stage 1.
 */
export async function assignComplaint(
  deps: ServiceDependencies,
  request: CaseworkRequest,
  complaintId: string,
  input: AssignInput,
  links: { caseUrl: string },
): Promise<AssignResult> {
  const facts = await visibleComplaint(deps.db, request.actor, complaintId);
  const choices = await assignmentChoices(deps, request, facts);

  const problems: FieldProblem[] = [];
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
  if (problems.length > 0) throw Refusal.invalid(problems);

  const newResponder = responderId !== null && responderId !== facts.responderId ? responderId : null;
  const newCsqManager = csqManagerId !== null && csqManagerId !== facts.csqManagerId ? csqManagerId : null;
  if (newResponder === null && newCsqManager === null) return { changed: false };

  await deps.db.transaction(async (tx) => {
    const target = { complaintId };
    if (newResponder) await runMoveIn(tx, deps, request, assignResponderMove, target, { responderId: newResponder, assignedBy: request.actor.fullName, caseUrl: links.caseUrl });
    if (newCsqManager) await runMoveIn(tx, deps, request, assignCsqManagerMove, target, { csqManagerId: newCsqManager });
  });
  return { changed: true };
}
