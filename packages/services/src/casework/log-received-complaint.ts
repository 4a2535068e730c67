import { appendComplaintEvents, lockComplaint, recordAudit, touchComplaint } from '@complaints/db';
import type { FieldProblem } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { checkAction, ComplaintNotFoundError, type CaseworkRequest, workableComplaint, staffEvent } from './casework-context';
import { type PlacementChoice, resolvePlacement } from './placement';

export type LogReceivedResult = { ok: true } | { ok: false; problems: FieldProblem[] };

/**
 * Logs a complaint that came in online: the administrator checks where it belongs in the
 * organisation (the complainant may not have known their area) and records it as logged. Staff of
 * a business area place it within their own area (see placement.ts), so it stays in their sight.
 */
export async function logReceivedComplaint(
  deps: ServiceDependencies,
  request: CaseworkRequest,
  complaintId: string,
  choice: PlacementChoice,
): Promise<LogReceivedResult> {
  const { actor } = request;
  await workableComplaint(deps.db, actor, complaintId, 'log');
  const placement = await resolvePlacement(deps.db, actor, choice, { serviceArea: 'serviceAreaId', team: 'teamId', practitioner: 'practitionerId' });
  if (!placement.ok) return placement;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const locked = await lockComplaint(tx, complaintId);
    if (!locked) throw new ComplaintNotFoundError();
    const transition = checkAction(locked, actor, 'log');
    const p = placement.placement;
    await touchComplaint(tx, complaintId, {
      state: transition.to,
      loggedAt: now,
      serviceAreaId: p.serviceAreaId,
      businessAreaId: p.businessAreaId,
      teamId: p.teamId,
      practitionerId: p.practitionerId,
    });
    await appendComplaintEvents(tx, complaintId, [
      staffEvent(transition, actor, now, { routed: p.serviceAreaId !== locked.serviceAreaId || p.teamId !== locked.teamId }),
    ]);
    await recordAudit(tx, { staffId: actor.id, action: 'complaint.logged', complaintId, requestId: request.requestId });
    return { ok: true as const };
  });
}
