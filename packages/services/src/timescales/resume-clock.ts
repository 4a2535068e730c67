import { findStageClock, recordStagePause } from '@complaints/db';
import { dueAfterPause, type IsoDate, londonDateOf } from '@complaints/domain';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { loadProcessSettings } from '../settings/process-settings';

export type ResumeClockResult = { pausedWorkingDays: number; previousDueOn: IsoDate; newDueOn: IsoDate };

/**
 * The clock starts again once what we asked for has arrived: the stage's response date (and the
 * complaint's next due date) moves on by the working days it stood still, which are added to the
 * stage's total. Made from the case page with a button, or set off by the information arriving
 * (see add-information.ts), whoever records it.
 */
const input = z.object({
  /** What the complainant sent that started the clock again, when it was its arrival that did. */
  correspondenceId: z.uuid().optional(),
});

export const resumeClockMove: MoveUseCase<'resume_clock', z.output<typeof input>, ResumeClockResult> = {
  move: 'resume_clock',
  input,
  async apply({ tx, complaint, stage, now }, { correspondenceId }) {
    // The guard has made sure the clock is paused.
    const pausedSince = complaint.pausedSince ?? now;
    const clock = await findStageClock(tx, complaint.id, stage);
    if (!clock) throw new Refusal('nothing_owed');
    const { calendar } = await loadProcessSettings(tx);
    const resumedOn = londonDateOf(now);
    const moved = dueAfterPause(clock.responseDueOn, londonDateOf(pausedSince), resumedOn, calendar);
    if (moved.pausedWorkingDays > 0) await recordStagePause(tx, complaint.id, stage, { responseDueOn: moved.dueOn, pausedWorkingDays: moved.pausedWorkingDays });
    const previousDueOn = clock.responseDueOn;
    return {
      payload: { resumedOn, pausedWorkingDays: moved.pausedWorkingDays, previousDueOn, newDueOn: moved.dueOn, ...(correspondenceId ? { correspondenceId } : {}) },
      changes: { pausedSince: null, ...(complaint.currentDueOn === previousDueOn ? { currentDueOn: moved.dueOn } : {}) },
      result: { pausedWorkingDays: moved.pausedWorkingDays, previousDueOn, newDueOn: moved.dueOn },
    };
  },
};

export function resumeClock(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string) {
  return runMove(deps, request, resumeClockMove, { complaintId }, {});
}
