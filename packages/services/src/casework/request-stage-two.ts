import { insertStage } from '@complaints/db';
import { checkReceivedOn, type IsoDate, isIsoDate, londonDateOf, optionalText, stageDueDates } from '@complaints/domain';
import { z } from 'zod';
import type { ServiceDependencies } from '../dependencies';
import { type MoveRequest, type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { tellCaseholder } from '../tracking/tell-caseholder';
import { loadProcessSettings } from '../settings/process-settings';
import type { CaseworkRequest } from './casework-context';

const input = z.object({
  /** The day the request reached us: the stage 2 clock starts from it. */
  receivedOn: z.union([z.literal('missing'), z.literal('invalid'), z.string().refine(isIsoDate, { error: 'receivedOn.invalid' })]),
  /** The complainant need not give a reason; if they did, it is kept. */
  reason: optionalText('reason', 5000),
});

/**
 * A request for a stage 2 review, recorded by staff for a complainant who asked by letter, email
 * or phone. No reason is needed. The stage 2 clock starts from the day the request reached us;
 * the review is given to a manager who did not answer stage 1, and acknowledged with its own letter.
 */
export const requestStageTwoMove: MoveUseCase<'request_stage_two', z.output<typeof input>, { acknowledgeDueOn: IsoDate; responseDueOn: IsoDate }> = {
  move: 'request_stage_two',
  input,
  async apply({ tx, deps, complaint, staff, now }, { receivedOn, reason }) {
    const received = checkReceivedOn(receivedOn as IsoDate | 'missing' | 'invalid', londonDateOf(now));
    if (!received.ok) throw Refusal.invalid([{ field: 'receivedOn', message: received.problem }]);
    const settings = await loadProcessSettings(tx);
    const dates = stageDueDates(2, received.receivedOn, settings.timescales, settings.calendar);
    await insertStage(tx, complaint.id, 2, received.receivedOn, dates);
    // Asked for online: whoever looked after stage 1 is told at once, so the review is picked up.
    const outbox = staff ? [] : await tellCaseholder(tx, deps, { ...complaint, responderId: null }, 'review', now);
    return {
      outbox,
      payload: { requestedOn: received.receivedOn, acknowledgeDueOn: dates.acknowledgeDueOn, responseDueOn: dates.responseDueOn },
      reason: reason ?? null,
      changes: { responderId: null, assignedAt: null, acknowledgedAt: null, responseSentAt: null, closedAt: null, pausedSince: null, currentDueOn: dates.acknowledgeDueOn },
      result: { acknowledgeDueOn: dates.acknowledgeDueOn, responseDueOn: dates.responseDueOn },
    };
  },
};

export function requestStageTwo(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, requestStageTwoMove, { complaintId }, raw);
}

/** Asked for by the complainant from their tracking page: the request reached us today. */
export function requestStageTwoOnline(deps: ServiceDependencies, request: MoveRequest & { complainant: { complaintId: string } }, raw: unknown) {
  const reason = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).reason : undefined;
  return runMove(deps, request, requestStageTwoMove, { complaintId: request.complainant.complaintId }, { receivedOn: londonDateOf(deps.clock.now()), reason });
}
