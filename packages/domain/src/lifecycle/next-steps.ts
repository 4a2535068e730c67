import { type MoveActor, type MoveFacts, checkMove, isLetterMove } from './check-move';
import { type Move, MOVE_NAMES } from './moves';

/**
 * "What to do next" on a complaint: of the moves the lifecycle table allows this person now (the
 * same `checkMove` the executor runs), those that take the complaint on, as its facts say it still
 * needs them. A move the table allows but that only records or corrects something (a note, a
 * second triage of a point already triaged, another manager when one is assigned) is still allowed:
 * the case page shows it among the other things the person can do, not as a step still to take.
 */

/** For each move that can be a step forward: whether the complaint, as it stands, still needs it. */
const STILL_NEEDED: Partial<Record<Move, (facts: MoveFacts) => boolean>> = {
  log: () => true,
  triage_point: (f) => f.points.untriaged > 0,
  assign_responder: (f) => f.responderId === null,
  prepare_acknowledgement: () => true,
  start_investigation: () => true,
  answer_point: (f) => f.points.unanswered > 0,
  // Once drafted, the next step is on the letter (quality assurance); drafting again is a correction.
  draft_response: (f) => f.state === 'investigating',
  resume_clock: () => true,
  quality_assure_closure: (f) => !f.closureCheckComplete,
  close: () => true,
  record_ombudsman_outcome: () => true,
};

/** The moves on the complaint as a whole that are steps still to take now, in the table's order. */
export function nextSteps(facts: MoveFacts, actor: MoveActor): Move[] {
  return MOVE_NAMES.filter((move) => {
    if (isLetterMove(move)) return false;
    const needed = STILL_NEEDED[move];
    return needed !== undefined && needed(facts) && checkMove(move, facts, actor).ok;
  });
}
