import type { ComplaintState, FeedbackKind, LetterKind, LetterState, Stage } from '../complaint/vocabulary';
import type { CaseworkCapability } from './capabilities';
import { type Guard, isResponseLetter, LETTER_EFFECTS, type Move, MOVES, type MoveRule } from './moves';

/**
 * Whether a move may happen now: the one answer the executor acts on and the case page offers
 * buttons from. Area and assignment (may this person work on this complaint at all?) are checked
 * first by the caller, with `packages/auth`.
 */

/** Who is making the move: a member of staff (with what they hold), the complainant, or the system. */
export type MoveActor =
  | { type: 'staff'; id: string; holds: (capability: CaseworkCapability) => boolean }
  | { type: 'complainant' }
  | { type: 'system' };

/** A letter a move acts on, as the guards need to know it. */
export type LetterFacts = {
  id: string;
  kind: LetterKind;
  state: LetterState;
  stage: Stage;
  delivery: 'email' | 'post';
  /** Who wrote it, and who made its current version. */
  writtenBy: string | null;
  lastChangedBy: string | null;
  /** When its current version was made. */
  versionMadeAt: Date;
};

/** What the guards need to know of a complaint, read under its row lock. */
export type MoveFacts = {
  kind: FeedbackKind;
  state: ComplaintState;
  stage: Stage;
  responderId: string | null;
  /** At stage 2, whoever answered stage 1: its responder, and anyone who answered a point then. */
  stageOneResponderIds: readonly string[];
  /** Points raised up to this stage, and how many lack an answer at this stage (or triage). */
  points: { total: number; untriaged: number; unanswered: number };
  /** When a point's answer at this stage last changed. */
  answersChangedAt: Date | null;
  /** The letters of the stage written but not yet sent, each with where it is in quality assurance. */
  lettersUnsent: ReadonlyArray<{ kind: LetterKind; state: LetterState }>;
  extended: boolean;
  paused: boolean;
  closureCheckComplete: boolean;
  stages: readonly Stage[];
  /** Whether the complainant has told us how the handling felt (asked once, after closure). */
  surveyAnswered: boolean;
};

export type MoveRefusal =
  | 'not_allowed'
  | 'not_for_this_kind'
  | 'wrong_state'
  | 'wrong_stage'
  | 'no_such_letter'
  | 'wrong_letter'
  | 'wrong_letter_state'
  | 'no_responder'
  | 'point_untriaged'
  | 'point_unanswered'
  | 'draft_out_of_date'
  | 'own_letter'
  | 'answered_stage_one'
  | 'letter_of_another_stage'
  | 'letter_waiting'
  | 'not_posted'
  | 'already_extended'
  | 'clock_paused'
  | 'clock_not_paused'
  | 'closure_check_incomplete'
  | 'stage_two_already'
  | 'survey_answered';

export type MoveCheck = { ok: true; to: ComplaintState; stage: Stage; letterTo: LetterState | null } | { ok: false; reason: MoveRefusal };

function mayMake(rule: MoveRule, actor: MoveActor): boolean {
  if (actor.type === 'complainant') return rule.complainant === true;
  if (actor.type === 'system') return rule.system === true;
  return rule.capability !== undefined && actor.holds(rule.capability);
}

function guardFails(guard: Guard, facts: MoveFacts, actor: MoveActor, letter: LetterFacts | null, move: Move): MoveRefusal | null {
  const staffId = actor.type === 'staff' ? actor.id : null;
  const onResponse = letter === null || isResponseLetter(letter.kind);
  switch (guard) {
    case 'responder_assigned':
      return facts.responderId === null ? 'no_responder' : null;
    case 'every_point_triaged':
      return facts.points.untriaged > 0 ? 'point_untriaged' : null;
    case 'every_point_answered':
      // A response must answer every point; other letters do not carry the answers.
      return onResponse && facts.points.unanswered > 0 ? 'point_unanswered' : null;
    case 'draft_current':
      return letter && isResponseLetter(letter.kind) && facts.answersChangedAt && facts.answersChangedAt > letter.versionMadeAt ? 'draft_out_of_date' : null;
    case 'not_letter_author':
      return letter && staffId !== null && (letter.writtenBy === staffId || letter.lastChangedBy === staffId) ? 'own_letter' : null;
    case 'independent_of_stage_one':
      // At stage 2 the review is by someone who did not answer stage 1, whoever else may act.
      if (!onResponse || facts.stage !== 2 || staffId === null) return null;
      return facts.stageOneResponderIds.includes(staffId) ? 'answered_stage_one' : null;
    case 'letter_of_this_stage':
      return letter && LETTER_EFFECTS[letter.kind] && letter.stage !== facts.stage ? 'letter_of_another_stage' : null;
    case 'no_letter_waiting':
      // An acknowledgement with quality assurance or approved and waiting to go; one returned is written again.
      return move === 'prepare_acknowledgement' &&
        facts.lettersUnsent.some((l) => LETTER_EFFECTS[l.kind]?.send_letter === 'acknowledged' && (l.state === 'in_quality_assurance' || l.state === 'approved'))
        ? 'letter_waiting'
        : null;
    case 'letter_posted':
      return letter && letter.delivery !== 'post' ? 'not_posted' : null;
    case 'not_extended':
      return facts.extended ? 'already_extended' : null;
    case 'clock_running':
      return facts.paused ? 'clock_paused' : null;
    case 'clock_paused':
      return facts.paused ? null : 'clock_not_paused';
    case 'closure_check_complete':
      return facts.closureCheckComplete ? null : 'closure_check_incomplete';
    case 'no_stage_two_yet':
      return facts.stages.includes(2) ? 'stage_two_already' : null;
    case 'survey_not_answered':
      return facts.surveyAnswered ? 'survey_answered' : null;
    default: {
      const never: never = guard;
      return never;
    }
  }
}

/**
 * May `actor` make `move` on this complaint (and letter, for a move on a letter) now? The reasons
 * are checked in a fixed order, so a refusal always names the first thing in the way: who, the
 * kind of feedback, the state, the stage, the letter, then the guards.
 */
export function checkMove(move: Move, facts: MoveFacts, actor: MoveActor, letter: LetterFacts | null = null): MoveCheck {
  const rule: MoveRule = MOVES[move];
  if (!mayMake(rule, actor)) return { ok: false, reason: 'not_allowed' };
  if (rule.kinds && !rule.kinds.includes(facts.kind)) return { ok: false, reason: 'not_for_this_kind' };
  if (!rule.from.includes(facts.state)) return { ok: false, reason: 'wrong_state' };
  if (rule.stages && !rule.stages.includes(facts.stage)) return { ok: false, reason: 'wrong_stage' };
  if (rule.letter) {
    if (!letter) return { ok: false, reason: 'no_such_letter' };
    if (rule.letter.kinds && !rule.letter.kinds.includes(letter.kind)) return { ok: false, reason: 'wrong_letter' };
    if (!rule.letter.from.includes(letter.state)) return { ok: false, reason: 'wrong_letter_state' };
  }
  for (const guard of rule.guards ?? []) {
    const refusal = guardFails(guard, facts, actor, letter, move);
    if (refusal) return { ok: false, reason: refusal };
  }
  const effect = rule.to === 'by_letter' && letter ? LETTER_EFFECTS[letter.kind]?.[move as 'submit_letter'] : undefined;
  const to = rule.to === undefined || rule.to === 'by_letter' ? (effect ?? facts.state) : rule.to;
  const stage: Stage = move === 'request_stage_two' ? 2 : facts.stage;
  return { ok: true, to, stage, letterTo: rule.letter?.to ?? null };
}

/** Why a refusal is about who is asking, rather than about the complaint as it stands. */
export function isAccessRefusal(reason: MoveRefusal): boolean {
  return reason === 'not_allowed';
}

/** Moves that act on one letter; the others act on the complaint as a whole. */
export function isLetterMove(move: Move): boolean {
  return 'letter' in MOVES[move];
}
