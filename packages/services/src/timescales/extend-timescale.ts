import { findStageClock, recordStageExtension } from '@complaints/db';
import { checkExtension, type IsoDate, requiredText } from '@complaints/domain';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { writeCaseLetter } from '../letters/case-letter';
import { storeCaseLetter } from '../letters/store-case-letter';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { loadProcessSettings } from '../settings/process-settings';
import { enteredDay } from './entered-day';

export const EXTENSION_LIMITS = { reason: 2000 } as const;

const input = z.object({
  /** The new response date as typed. */
  newDueOn: enteredDay('newDueOn'),
  /** Why more time is needed, in words the complainant will read in the letter. */
  reason: requiredText('reason', EXTENSION_LIMITS.reason),
});

export type ExtendTimescaleResult = { previousDueOn: IsoDate; newDueOn: IsoDate; letterId: string };

/**
 * More time to answer: once per stage, up to the stage's maximum in working days, for a reason
 * the complainant is told in a letter. The response date of the stage (and the complaint's next
 * due date) moves to the new date, and the extension letter is written as a draft, to go through
 * quality assurance and be sent from its page like every letter. If the letter cannot be written
 * (no safe way to write to them, no template), nothing is extended.
 */
export const extendTimescaleMove: MoveUseCase<'extend', z.output<typeof input>, ExtendTimescaleResult> = {
  move: 'extend',
  input,
  async apply({ tx, complaint, staff, stage, now }, { newDueOn, reason }) {
    const clock = await findStageClock(tx, complaint.id, stage);
    if (!clock) throw new Refusal('nothing_owed');
    const settings = await loadProcessSettings(tx);
    const check = checkExtension({
      stage,
      alreadyExtended: clock.extendedAt !== null,
      // The maximum counts from the date as it stands: days the clock stood still while we
      // waited on the complainant are theirs, not part of our extension.
      originalDueOn: clock.responseDueOn,
      currentDueOn: clock.responseDueOn,
      requestedDueOn: newDueOn,
      reason,
      timescales: settings.timescales,
      calendar: settings.calendar,
    });
    if (!check.ok) {
      switch (check.reason) {
        case 'already_extended':
          throw new Refusal('already_extended');
        case 'no_reason':
          throw Refusal.invalid([{ field: 'reason', message: 'reason.required' }]);
        case 'not_later':
          throw Refusal.invalid([{ field: 'newDueOn', message: 'newDueOn.notLater' }]);
        case 'too_long':
          throw Refusal.invalid([{ field: 'newDueOn', message: 'newDueOn.tooLong' }]);
      }
    }
    const previousDueOn = clock.responseDueOn;
    await recordStageExtension(tx, complaint.id, stage, { responseDueOn: check.newDueOn, at: now, reason });
    const written = await writeCaseLetter(tx, { complaintId: complaint.id, kind: 'extension', now, extension: { previousDueOn, newDueOn: check.newDueOn, reason } });
    const { letterId } = await storeCaseLetter(tx, { complaintId: complaint.id, written, staffId: staff?.id ?? null, now, existingLetterId: null, state: 'draft' });
    return {
      payload: { previousDueOn, newDueOn: check.newDueOn, letterId },
      reason,
      // The complaint's next due date is the response while one is owed.
      changes: complaint.currentDueOn === previousDueOn ? { currentDueOn: check.newDueOn } : {},
      auditSubject: `letter:${letterId}`,
      result: { previousDueOn, newDueOn: check.newDueOn, letterId },
    };
  },
};

export function extendTimescale(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, extendTimescaleMove, { complaintId }, raw);
}
