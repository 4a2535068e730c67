import { z } from 'zod';
import type { ServiceDependencies } from '../dependencies';
import type { CaseworkRequest } from '../casework/casework-context';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';

/**
 * A letter goes to quality assurance. A response goes only when every point has its own answer and
 * the letter says what the answers say now (the lifecycle's guards); the complaint moves with it.
 */
export const submitLetterMove: MoveUseCase<'submit_letter', Record<string, never>, { letterId: string }> = {
  move: 'submit_letter',
  input: z.object({}) as z.ZodType<Record<string, never>>,
  async apply({ letter }) {
    const l = letter!;
    return { payload: { letterId: l.id, kind: l.kind, version: l.version }, result: { letterId: l.id } };
  },
};

export function submitLetter(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, letterId: string) {
  return runMove(deps, request, submitLetterMove, { complaintId, letterId }, {});
}
