import { canWorkOnComplaint, moveActor } from '@complaints/auth';
import { type ComplaintAccessFacts, type Executor, findComplaintForMoves, listLetterFacts, loadMoveFacts } from '@complaints/db';
import { checkMove, isLetterMove, nextSteps, type LetterFacts, type Move, type MoveCheck, MOVE_NAMES, type MoveFacts, type MoveRefusal } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { Refusal } from '../refusal';
import { accessScope, type CaseworkRequest, visibleComplaint } from '../casework/casework-context';

/**
 * What a member of staff may do to a complaint now, asked of the same table and the same check the
 * executor runs, so a page never offers what the executor would refuse, nor hides what it allows.
 */

/** Refusals that mean "not for you, not here, not now": such a move is not offered at all. */
const NOT_OFFERED: readonly MoveRefusal[] = ['not_allowed', 'not_for_this_kind', 'wrong_state', 'wrong_stage', 'no_such_letter', 'wrong_letter', 'wrong_letter_state'];

export type MoveOffer = { move: Move; letterId?: string } & ({ ok: true } | { ok: false; reason: MoveRefusal });

export type OfferedMoves = {
  /** Moves on the complaint as a whole: offered (ok), or held back by a guard with the reason to show. */
  complaint: MoveOffer[];
  /** Moves on each letter, by letter id. */
  letters: Record<string, MoveOffer[]>;
  /** Of the moves offered on the complaint, the steps it still needs ("What to do next"), as the domain says. */
  next: Move[];
  facts: MoveFacts;
};

function offer(move: Move, facts: MoveFacts, request: CaseworkRequest, letter: LetterFacts | null): MoveOffer | null {
  const check = checkMove(move, facts, moveActor(request.actor), letter);
  const letterId = letter ? { letterId: letter.id } : {};
  if (check.ok) return { move, ok: true, ...letterId };
  return NOT_OFFERED.includes(check.reason) ? null : { move, ok: false, reason: check.reason, ...letterId };
}

/** Every move the case page may show for this complaint and this person. */
export async function offeredMoves(db: Executor, request: CaseworkRequest, access: ComplaintAccessFacts): Promise<OfferedMoves> {
  const complaint = await findComplaintForMoves(db, access.id);
  if (!complaint) throw new Refusal('not_found');
  const facts = await loadMoveFacts(db, complaint);
  if (!canWorkOnComplaint(request.actor, accessScope(access))) return { complaint: [], letters: {}, next: [], facts };
  const letters = await listLetterFacts(db, access.id);
  const onComplaint = MOVE_NAMES.filter((m) => !isLetterMove(m))
    .map((m) => offer(m, facts, request, null))
    .filter((o): o is MoveOffer => o !== null);
  const onLetters: Record<string, MoveOffer[]> = {};
  for (const letter of letters) {
    onLetters[letter.id] = MOVE_NAMES.filter(isLetterMove)
      .map((m) => offer(m, facts, request, letter))
      .filter((o): o is MoveOffer => o !== null);
  }
  return { complaint: onComplaint, letters: onLetters, next: nextSteps(facts, moveActor(request.actor)), facts };
}

/**
 * For a page that leads to a move (its form): the complaint, if the case page would offer this
 * person the move now; otherwise the executor's own refusal, so the page and the action agree. A
 * move held back only by a guard (no manager yet, a point unanswered) is `blocked`, with the
 * reason for the page to show.
 */
export async function requireMove(
  deps: Pick<ServiceDependencies, 'db'>,
  request: CaseworkRequest,
  complaintId: string,
  move: Move,
): Promise<{ access: ComplaintAccessFacts; facts: MoveFacts; blocked: MoveRefusal | null }> {
  const access = await visibleComplaint(deps.db, request.actor, complaintId);
  if (!canWorkOnComplaint(request.actor, accessScope(access))) throw new Refusal('not_allowed');
  const complaint = await findComplaintForMoves(deps.db, complaintId);
  if (!complaint) throw new Refusal('not_found');
  const facts = await loadMoveFacts(deps.db, complaint);
  const check = checkMove(move, facts, moveActor(request.actor));
  if (!check.ok && NOT_OFFERED.includes(check.reason)) throw new Refusal(check.reason);
  return { access, facts, blocked: check.ok ? null : check.reason };
}

/** The table's answer for each of a few moves, for a page that offers several at once (assignment). */
export async function checkMoves<M extends Move>(db: Executor, request: CaseworkRequest, access: ComplaintAccessFacts, moves: readonly M[]): Promise<Record<M, MoveCheck>> {
  const complaint = await findComplaintForMoves(db, access.id);
  if (!complaint) throw new Refusal('not_found');
  const facts = await loadMoveFacts(db, complaint);
  const mayWork = canWorkOnComplaint(request.actor, accessScope(access));
  return Object.fromEntries(
    moves.map((m) => [m, mayWork ? checkMove(m, facts, moveActor(request.actor)) : ({ ok: false, reason: 'not_allowed' } as const)]),
  ) as Record<M, MoveCheck>;
}

/**
 * For the complainant's own pages (the tracking page): may they make this move on their complaint
 * now? The same table and check as the executor; a move they may not make is refused as not found
 * for anything but the state of things (it is offered, or it is not).
 */
export async function requireComplainantMove(deps: Pick<ServiceDependencies, 'db'>, request: { complainant: { complaintId: string } }, complaintId: string, move: Move): Promise<MoveFacts> {
  if (request.complainant.complaintId !== complaintId) throw new Refusal('not_found');
  const complaint = await findComplaintForMoves(deps.db, complaintId);
  if (!complaint) throw new Refusal('not_found');
  const facts = await loadMoveFacts(deps.db, complaint);
  const check = checkMove(move, facts, { type: 'complainant' });
  if (!check.ok) throw new Refusal(check.reason);
  return facts;
}
