import { can } from '@complaints/auth';
import { appendComplaintEvents, lockComplaint, recordAudit, recordStageResponseDue, touchComplaint } from '@complaints/db';
import {
  type FieldProblem,
  type IsoDate,
  checkReceivedOn,
  checkTransition,
  datesForKind,
  fieldProblems,
  londonDateOf,
  receivedInstant,
  staffLoggedComplaintSchema,
} from '@complaints/domain';
import { recordNewComplaint } from '../complaints/record-new-complaint';
import type { ServiceDependencies } from '../dependencies';
import { loadProcessSettings } from '../settings/process-settings';
import { CaseworkNotAllowedError, type CaseworkRequest, staffEvent } from './casework-context';
import { resolvePlacement } from './placement';

export type LogComplaintInput = {
  /** The complaint as the online form would send it, with the channel it came by. */
  complaint: unknown;
  /** The day it reached us, from the date boxes. */
  receivedOn: IsoDate | 'missing' | 'invalid';
  teamId: string | null;
  practitionerId: string | null;
};

export type LogComplaintResult = { ok: true; id: string; reference: string } | { ok: false; problems: FieldProblem[] };

/**
 * Logs a complaint, compliment, piece of feedback or letter from someone who is not a service user
 * that came by letter, email, phone or in person: the same record as an online complaint, its
 * clock started from the day it actually reached us, logged at once (it is in the administrator's
 * hands). Compliments and feedback are recorded with nothing owed; a letter from someone who is not
 * a service user is owed a written reply within the reply timescale, outside the procedure.
 */
export async function logComplaint(deps: ServiceDependencies, request: CaseworkRequest, input: LogComplaintInput): Promise<LogComplaintResult> {
  const { actor } = request;
  if (!can(actor, 'log_complaint')) throw new CaseworkNotAllowedError('log_complaint');
  const now = deps.clock.now();
  const today = londonDateOf(now);

  const problems: FieldProblem[] = [];
  const received = checkReceivedOn(input.receivedOn, today);
  if (!received.ok) problems.push({ field: 'receivedOn', message: received.problem });
  const parsed = staffLoggedComplaintSchema.safeParse({ complaint: input.complaint, teamId: input.teamId, practitionerId: input.practitionerId });
  if (!parsed.success) problems.push(...fieldProblems(parsed.error));
  if (!parsed.success || !received.ok) return { ok: false, problems };

  const complaint = parsed.data.complaint;
  const placement = await resolvePlacement(
    deps.db,
    actor,
    { serviceAreaId: complaint.serviceAreaId ?? null, teamId: parsed.data.teamId ?? null, practitionerId: parsed.data.practitionerId ?? null },
    { serviceArea: 'complaint.serviceAreaId', team: 'teamId', practitioner: 'practitionerId' },
  );
  if (!placement.ok) return { ok: false, problems: placement.problems };
  const logged = checkTransition('log', { state: 'received', stage: 1, kind: complaint.kind }, actor.role);
  if (!logged.ok) throw new CaseworkNotAllowedError('log');

  const settings = await loadProcessSettings(deps.db);
  const receivedAt = receivedInstant(received.receivedOn, now);
  return deps.db.transaction(async (tx) => {
    const recorded = await recordNewComplaint(
      tx,
      deps,
      settings,
      { ...complaint, serviceAreaId: placement.placement.serviceAreaId },
      { receivedAt, state: 'received', actor: { type: 'staff', staffId: actor.id } },
    );
    await lockComplaint(tx, recorded.id);
    const owed = datesForKind(complaint.kind, recorded.dueDates, recorded.receivedOn, settings.timescales, settings.calendar);
    if (owed.stageDates.responseDueOn !== recorded.dueDates.responseDueOn) {
      await recordStageResponseDue(tx, recorded.id, 1, owed.stageDates.responseDueOn);
    }
    await touchComplaint(tx, recorded.id, {
      state: logged.to,
      loggedAt: now,
      currentDueOn: owed.dueNow,
      teamId: placement.placement.teamId,
      practitionerId: placement.placement.practitionerId,
    });
    await appendComplaintEvents(tx, recorded.id, [
      staffEvent(logged, actor, now, { channel: complaint.channel, kind: complaint.kind, receivedOn: recorded.receivedOn }),
    ]);
    await recordAudit(tx, { staffId: actor.id, action: 'complaint.logged', complaintId: recorded.id, requestId: request.requestId });
    return { ok: true as const, id: recorded.id, reference: recorded.reference };
  });
}
