import type { NewComplaintEvent } from '@complaints/db';
import { canViewComplaint, canWorkOnComplaint, type StaffActor } from '@complaints/auth';
import { type ComplaintAccessFacts, type Executor, findComplaintAccessFacts } from '@complaints/db';
import { type ComplaintAction, checkTransition, type TransitionCheck } from '@complaints/domain';

/** Who is asking (with their name, for what they send), and the request's id for the audit log. */
export type CaseworkRequest = { actor: StaffActor & { fullName: string }; requestId: string };

/**
 * There is no such complaint, or the person may not see it: the same answer either way (404), so
 * nobody can find out which complaints exist by trying ids.
 */
export class ComplaintNotFoundError extends Error {
  override name = 'ComplaintNotFoundError';
  constructor() {
    super('No such complaint.');
  }
}

/** The person may see the complaint but may not do this to it (403). */
export class CaseworkNotAllowedError extends Error {
  override name = 'CaseworkNotAllowedError';
  constructor(readonly action: string) {
    super(`Not allowed: ${action}`);
  }
}

/** The complaint is not in a state where this can happen now, or something it needs is missing (409). */
export class ActionRefusedError extends Error {
  override name = 'ActionRefusedError';
  constructor(readonly reason: string) {
    super(`Refused: ${reason}`);
  }
}

export function accessScope(facts: ComplaintAccessFacts) {
  return {
    businessAreaId: facts.businessAreaId,
    serviceAreaId: facts.serviceAreaId,
    responderId: facts.responderId,
    csqManagerId: facts.csqManagerId,
    pastResponderIds: facts.pastResponderIds,
  };
}

/** The complaint, if this person may see it; otherwise not found. */
export async function visibleComplaint(db: Executor, actor: StaffActor, complaintId: string): Promise<ComplaintAccessFacts> {
  if (!isUuid(complaintId)) throw new ComplaintNotFoundError();
  const facts = await findComplaintAccessFacts(db, complaintId);
  if (!facts || !canViewComplaint(actor, accessScope(facts))) throw new ComplaintNotFoundError();
  return facts;
}

/**
 * The complaint, if this person may do `action` to it now: seen (else 404), theirs to work on and
 * an action of their role (else 403), and allowed by the lifecycle in its state (else 409).
 */
export async function workableComplaint(
  db: Executor,
  actor: StaffActor,
  complaintId: string,
  action: ComplaintAction,
): Promise<{ facts: ComplaintAccessFacts; transition: Extract<TransitionCheck, { ok: true }> }> {
  const facts = await visibleComplaint(db, actor, complaintId);
  const transition = checkAction(facts, actor, action);
  return { facts, transition };
}

/** The same checks again on a complaint read under lock, inside the transaction that changes it. */
export function checkAction(
  facts: Pick<ComplaintAccessFacts, 'state' | 'stage' | 'kind' | 'businessAreaId' | 'serviceAreaId' | 'responderId' | 'csqManagerId'> & {
    pastResponderIds?: string[];
  },
  actor: StaffActor,
  action: ComplaintAction,
): Extract<TransitionCheck, { ok: true }> {
  if (!canWorkOnComplaint(actor, { ...facts, pastResponderIds: facts.pastResponderIds ?? [] })) throw new CaseworkNotAllowedError(action);
  const transition = checkTransition(action, facts, actor.role);
  if (!transition.ok) {
    if (transition.reason === 'not_allowed_for_actor') throw new CaseworkNotAllowedError(action);
    throw new ActionRefusedError(transition.reason);
  }
  return transition;
}

/** The event a member of staff's move writes: what the lifecycle named it, by whom, when, with its facts. */
export function staffEvent(
  transition: Pick<Extract<TransitionCheck, { ok: true }>, 'event' | 'stage' | 'visibility'>,
  actor: Pick<StaffActor, 'id'>,
  occurredAt: Date,
  payload: Record<string, unknown>,
): NewComplaintEvent {
  return {
    type: transition.event,
    stage: transition.stage,
    actorType: 'staff',
    actorStaffId: actor.id,
    occurredAt,
    visibility: transition.visibility,
    payload,
  };
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
