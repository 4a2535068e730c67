import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';

/** The manager starts looking into the complaint: the complainant sees that it is being investigated. */
export const startInvestigationMove: MoveUseCase<'start_investigation', Record<string, never>, null> = {
  move: 'start_investigation',
  input: z.object({}) as z.ZodType<Record<string, never>>,
  async apply() {
    return { payload: {}, result: null };
  },
};

export function startInvestigation(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string) {
  return runMove(deps, request, startInvestigationMove, { complaintId }, {});
}
