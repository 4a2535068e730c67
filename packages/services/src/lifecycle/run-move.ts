import { canWorkOnComplaint, moveActor } from '@complaints/auth';
import {
  appendComplaintEvents,
  type ComplaintEvent,
  findMoveSubmission,
  recordMoveSubmission,
  enqueueOutboxMessages,
  type Executor,
  type LockedLetter,
  loadMoveFacts,
  lockComplaint,
  lockLetter,
  type NewOutboxMessage,
  recordAudit,
  setLetterState,
  touchComplaint,
  type Transaction,
} from '@complaints/db';
import { checkMove, fieldProblems, type MoveActor, type MoveFacts, type Move, MOVES, type MovePayload, type Stage, type ComplaintState } from '@complaints/domain';
import type { z } from 'zod';
import type { ServiceDependencies } from '../dependencies';
import { Refusal } from '../refusal';
import { accessScope, type CaseworkRequest, isUuid, visibleComplaint } from '../casework/casework-context';

/**
 * The one executor of the lifecycle. Every change to a complaint is a move of the table in
 * `packages/domain/src/lifecycle`, and every move runs here, in one transaction:
 *
 *   access check → the complaint (and letter) locked → the table's check of who, state, stage and
 *   guards → the move's own `apply` → its event, payload parsed by its schema → its outbox rows →
 *   the audit entry.
 *
 * A use case supplies only its input's schema and `apply`. If anything refuses or fails, the
 * transaction rolls back and nothing is written.
 */

/**
 * Who is making a move: a member of staff, or the complainant (from their tracking session). A
 * form may carry a random `submissionKey`: the first submission with it makes the move, and a
 * repeat (a double click, a form sent again) is given the same result without making it twice.
 */
export type MoveRequest = (CaseworkRequest | { complainant: { complaintId: string }; requestId: string } | SystemRequest) & { submissionKey?: string | undefined };

/** The service itself making a move, with no person behind it (retention, run by the worker). */
export type SystemRequest = { system: true; requestId: string };

type ComplaintRow = NonNullable<Awaited<ReturnType<typeof lockComplaint>>>;
export type ComplaintChanges = Parameters<typeof touchComplaint>[2];

/** What every move needs of the service's dependencies; a use case may ask for more. */
export type MoveDependencies = Pick<ServiceDependencies, 'db' | 'clock'>;

export type MoveContext<D extends MoveDependencies = ServiceDependencies> = {
  tx: Transaction;
  deps: D;
  request: MoveRequest;
  /** The member of staff making the move, or null for the complainant or the system. */
  staff: CaseworkRequest['actor'] | null;
  complaint: ComplaintRow;
  facts: MoveFacts;
  /** The letter a letter move acts on, locked. */
  letter: LockedLetter | null;
  /** Where the complaint goes and at which stage, as the table decided. */
  to: ComplaintState;
  stage: Stage;
  now: Date;
};

export type MoveOutcome<M extends Move, R, D extends MoveDependencies = ServiceDependencies> = {
  payload: MovePayload<M>;
  /** Why, in the person's words: kept with the event. Required by moves whose rule says so. */
  reason?: string | null;
  /** Other changes to the complaint's own row, beside its state. */
  changes?: ComplaintChanges;
  outbox?: NewOutboxMessage[];
  /** What else the audit entry concerns, by id ("letter:…"). */
  auditSubject?: string;
  /**
   * Moves this one sets off, made after it in the same transaction by the same person, each
   * checked against the table like any other (so one the person may not make refuses the lot).
   */
  followedBy?: FollowingMove<D>[];
  result: R;
};

/** A move another move sets off, with its input as already parsed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FollowingMove<D extends MoveDependencies = ServiceDependencies> = { useCase: MoveUseCase<Move, any, unknown, D>; input: unknown };

export type MoveUseCase<M extends Move, I, R, D extends MoveDependencies = ServiceDependencies> = {
  move: M;
  /** What the person sends, checked before anything is read. */
  input: z.ZodType<I>;
  apply(context: MoveContext<D>, input: I): Promise<MoveOutcome<M, R, D>>;
};

export type MoveTarget = { complaintId: string; letterId?: string | undefined };

function isStaff(request: MoveRequest): request is CaseworkRequest {
  return 'actor' in request;
}

function isSystem(request: MoveRequest): request is SystemRequest & { submissionKey?: string | undefined } {
  return 'system' in request && request.system === true;
}

function actorOf(request: MoveRequest): MoveActor {
  if (isSystem(request)) return { type: 'system' };
  return isStaff(request) ? moveActor(request.actor) : { type: 'complainant' };
}

/** Before anything is locked: the complaint must be one this person may see (else not found). */
async function checkSight(db: Executor, request: MoveRequest, target: MoveTarget): Promise<void> {
  if (!isUuid(target.complaintId) || (target.letterId !== undefined && !isUuid(target.letterId))) throw new Refusal('not_found');
  if (isSystem(request)) return;
  if (isStaff(request)) await visibleComplaint(db, request.actor, target.complaintId);
  else if (request.complainant.complaintId !== target.complaintId) throw new Refusal('not_found');
}

/** The lock, and everything the table's check needs, read under it. */
async function lockForMove(tx: Transaction, request: MoveRequest, move: Move, target: MoveTarget) {
  const complaint = await lockComplaint(tx, target.complaintId);
  if (!complaint) throw new Refusal('not_found');
  if (isStaff(request)) {
    // Read again under the lock: the complaint may have been given to someone else meanwhile.
    if (!canWorkOnComplaint(request.actor, accessScope({ ...complaint, pastResponderIds: [] }))) throw new Refusal('not_allowed');
  }
  const letter = 'letter' in MOVES[move] ? (target.letterId ? await lockLetter(tx, target.complaintId, target.letterId) : null) : null;
  if ('letter' in MOVES[move] && !letter) throw new Refusal('no_such_letter');
  const facts = await loadMoveFacts(tx, complaint);
  return { complaint, letter, facts };
}

/** Runs a move inside a transaction the caller already holds (a use case that makes several moves at once). */
export async function runMoveIn<M extends Move, I, R, D extends MoveDependencies = ServiceDependencies>(
  tx: Transaction,
  deps: D,
  request: MoveRequest,
  useCase: MoveUseCase<M, I, R, D>,
  target: MoveTarget,
  input: I,
): Promise<{ result: R; event: ComplaintEvent }> {
  const rule = MOVES[useCase.move];
  const { complaint, letter, facts } = await lockForMove(tx, request, useCase.move, target);
  const check = checkMove(useCase.move, facts, actorOf(request), letter);
  if (!check.ok) throw new Refusal(check.reason);
  const now = deps.clock.now();
  const staff = isStaff(request) ? request.actor : null;
  const outcome = await useCase.apply({ tx, deps, request, staff, complaint, facts, letter, to: check.to, stage: check.stage, now }, input);

  const payload = rule.event.payload.parse(outcome.payload) as Record<string, unknown>;
  const reason = outcome.reason?.trim() || null;
  if ('reason' in rule && rule.reason === 'required' && !reason) throw new Error(`The move ${useCase.move} needs a reason and its use case gave none.`);

  const stateChanged = check.to !== complaint.state || check.stage !== complaint.stage;
  await touchComplaint(tx, complaint.id, { ...(stateChanged ? { state: check.to, stage: check.stage } : {}), ...outcome.changes });
  if (letter && check.letterTo && check.letterTo !== letter.state) await setLetterState(tx, letter.id, check.letterTo);
  const [event] = await appendComplaintEvents(tx, complaint.id, [
    {
      type: rule.event.type,
      stage: check.stage,
      actorType: staff ? 'staff' : isSystem(request) ? 'system' : 'complainant',
      actorStaffId: staff?.id ?? null,
      occurredAt: now,
      visibility: rule.event.visibility,
      reason,
      payload,
    },
  ]);
  if (outcome.outbox && outcome.outbox.length > 0) await enqueueOutboxMessages(tx, outcome.outbox);
  await recordAudit(tx, {
    staffId: staff?.id ?? null,
    action: rule.event.type,
    complaintId: complaint.id,
    subject: outcome.auditSubject ?? (letter ? `letter:${letter.id}` : null),
    requestId: request.requestId,
  });
  for (const following of outcome.followedBy ?? []) await runMoveIn(tx, deps, request, following.useCase, target, following.input);
  return { result: outcome.result, event: event! };
}

/**
 * Parses what was sent with the use case's schema: problems come back as one refusal, field by
 * field, before the database is touched.
 */
export function parseMoveInput<I>(useCase: { input: z.ZodType<I> }, raw: unknown): I {
  const parsed = useCase.input.safeParse(raw);
  if (!parsed.success) throw Refusal.invalid(fieldProblems(parsed.error));
  return parsed.data;
}

/** Runs one move in its own transaction: the usual way a use case changes a complaint. */
export async function runMove<M extends Move, I, R, D extends MoveDependencies = ServiceDependencies>(
  deps: D,
  request: MoveRequest,
  useCase: MoveUseCase<M, I, R, D>,
  target: MoveTarget,
  raw: unknown,
): Promise<R> {
  return (await runMoveOnce(deps, request, useCase, target, raw)).result;
}

/**
 * Runs one move, once for each submission key: a repeat finds the complaint locked until the first
 * is done, then the key, and is given the first one's result (`repeated`), with nothing written.
 */
export async function runMoveOnce<M extends Move, I, R, D extends MoveDependencies = ServiceDependencies>(
  deps: D,
  request: MoveRequest,
  useCase: MoveUseCase<M, I, R, D>,
  target: MoveTarget,
  raw: unknown,
): Promise<{ result: R; repeated: boolean }> {
  await checkSight(deps.db, request, target);
  const input = parseMoveInput(useCase, raw);
  const key = request.submissionKey ? `${target.complaintId}:${useCase.move}:${request.submissionKey}` : null;
  return deps.db.transaction(async (tx) => {
    if (key) {
      await lockComplaint(tx, target.complaintId);
      const earlier = await findMoveSubmission(tx, key);
      if (earlier) return { result: earlier.result as R, repeated: true };
    }
    const { result } = await runMoveIn(tx, deps, request, useCase, target, input);
    if (key) await recordMoveSubmission(tx, { key, complaintId: target.complaintId, move: useCase.move, result, at: deps.clock.now() });
    return { result, repeated: false };
  });
}

/** The same sight check, for a use case that reads before it runs its moves. */
export { checkSight as checkMoveSight };
