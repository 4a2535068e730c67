import { can } from '@complaints/auth';
import { recordStageResponseDue } from '@complaints/db';
import {
  type FieldProblem,
  type IsoDate,
  checkReceivedOn,
  datesForKind,
  fieldProblems,
  londonDateOf,
  receivedInstant,
  staffLoggedComplaintSchema,
} from '@complaints/domain';
import { z } from 'zod';
import { recordNewComplaint } from '../complaints/record-new-complaint';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMoveIn } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { loadProcessSettings } from '../settings/process-settings';
import type { CaseworkRequest } from './casework-context';
import { resolvePlacement } from './placement';

export type LogComplaintInput = {
  /** The complaint as the online form would send it, with the channel it came by. */
  complaint: unknown;
  /** The day it reached us, from the date boxes. */
  receivedOn: IsoDate | 'missing' | 'invalid';
  teamId: string | null;
  practitionerId: string | null;
};

export type LogComplaintResult = { id: string; reference: string };

type LoggedFacts = { currentDueOn: IsoDate | null; teamId: string | null; practitionerId: string | null; payload: { channel: string; kind: string; receivedOn: IsoDate } };

/** The `log` move of a complaint staff have just recorded: logged at once, with its dates as its kind is owed them. */
const logRecordedMove: MoveUseCase<'log', LoggedFacts, null> = {
  move: 'log',
  input: z.custom<LoggedFacts>(),
  async apply({ now }, logged) {
    return {
      payload: logged.payload as never,
      changes: { loggedAt: now, currentDueOn: logged.currentDueOn, teamId: logged.teamId, practitionerId: logged.practitionerId },
      result: null,
    };
  },
};

/**
 * Logs a complaint, compliment, piece of feedback or letter from someone who is not a service user
 * that came by letter, email, phone or in person: the same record as an online complaint, its
 * clock started from the day it actually reached us, logged at once (it is in the administrator's
 * hands). Compliments and feedback are recorded with nothing owed; a letter from someone who is not
 * a service user is owed a written reply within the reply timescale, outside the procedure.
 */
export async function logComplaint(deps: ServiceDependencies, request: CaseworkRequest, input: LogComplaintInput): Promise<LogComplaintResult> {
  const { actor } = request;
  if (!can(actor, 'log_complaint')) throw new Refusal('not_allowed');
  const now = deps.clock.now();
  const today = londonDateOf(now);

  const problems: FieldProblem[] = [];
  const received = checkReceivedOn(input.receivedOn, today);
  if (!received.ok) problems.push({ field: 'receivedOn', message: received.problem });
  const parsed = staffLoggedComplaintSchema.safeParse({ complaint: input.complaint, teamId: input.teamId, practitionerId: input.practitionerId });
  if (!parsed.success) problems.push(...fieldProblems(parsed.error));
  if (!parsed.success || !received.ok) throw Refusal.invalid(problems);

  const complaint = parsed.data.complaint;
  const placement = await resolvePlacement(
    deps.db,
    actor,
    { serviceAreaId: complaint.serviceAreaId ?? null, teamId: parsed.data.teamId ?? null, practitionerId: parsed.data.practitionerId ?? null },
    { serviceArea: 'complaint.serviceAreaId', team: 'teamId', practitioner: 'practitionerId' },
  );
  if (!placement.ok) throw Refusal.invalid(placement.problems);

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
    const owed = datesForKind(complaint.kind, recorded.dueDates, recorded.receivedOn, settings.timescales, settings.calendar);
    if (owed.stageDates.responseDueOn !== recorded.dueDates.responseDueOn) {
      await recordStageResponseDue(tx, recorded.id, 1, owed.stageDates.responseDueOn);
    }
    await runMoveIn(tx, deps, request, logRecordedMove, { complaintId: recorded.id }, {
      currentDueOn: owed.dueNow,
      teamId: placement.placement.teamId,
      practitionerId: placement.placement.practitionerId,
      payload: { channel: complaint.channel, kind: complaint.kind, receivedOn: recorded.receivedOn },
    });
    return { id: recorded.id, reference: recorded.reference };
  });
}
