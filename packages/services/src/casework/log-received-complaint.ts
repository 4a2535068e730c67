import { z } from 'zod';
import type { ServiceDependencies } from '../dependencies';
import { checkMoveSight, type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import type { CaseworkRequest } from './casework-context';
import { type Placement, type PlacementChoice, resolvePlacement } from './placement';

/**
 * Logs a complaint that came in online: the administrator checks where it belongs in the
 * organisation (the complainant may not have known their area) and records it as logged. Staff of
 * a business area place it within their own area (see placement.ts), so it stays in their sight.
 */
export const logReceivedMove: MoveUseCase<'log', Placement, null> = {
  move: 'log',
  input: z.custom<Placement>(),
  async apply({ complaint, now }, p) {
    return {
      payload: { routed: p.serviceAreaId !== complaint.serviceAreaId || p.teamId !== complaint.teamId },
      changes: { loggedAt: now, serviceAreaId: p.serviceAreaId, businessAreaId: p.businessAreaId, teamId: p.teamId, practitionerId: p.practitionerId },
      result: null,
    };
  },
};

export async function logReceivedComplaint(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, choice: PlacementChoice): Promise<void> {
  await checkMoveSight(deps.db, request, { complaintId });
  const placement = await resolvePlacement(deps.db, request.actor, choice, { serviceArea: 'serviceAreaId', team: 'teamId', practitioner: 'practitionerId' });
  if (!placement.ok) throw Refusal.invalid(placement.problems);
  await runMove(deps, request, logReceivedMove, { complaintId }, placement.placement);
}
