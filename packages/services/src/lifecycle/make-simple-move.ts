import { closeComplaintMove } from '../casework/close-complaint';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { startInvestigationMove } from '../investigation/start-investigation';
import { resumeClockMove } from '../timescales/resume-clock';
import { runMove } from './run-move';

/** Moves that take no input: the decision to make them is all. */
const SIMPLE_MOVES = {
  start_investigation: startInvestigationMove,
  close: closeComplaintMove,
  resume_clock: resumeClockMove,
} as const;

export type SimpleMove = keyof typeof SIMPLE_MOVES;

export function makeSimpleMove(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, move: SimpleMove): Promise<unknown> {
  return runMove(deps, request, SIMPLE_MOVES[move] as (typeof SIMPLE_MOVES)['close'], { complaintId }, {});
}
