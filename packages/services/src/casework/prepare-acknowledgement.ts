import { findLetterInProgress, markLetterApproved, readCaseworkSetting, setLetterState } from '@complaints/db';
import { acknowledgementKindFor } from '@complaints/domain';
import { z } from 'zod';
import type { ServiceDependencies } from '../dependencies';
import { writeCaseLetter } from '../letters/case-letter';
import { storeCaseLetter } from '../letters/store-case-letter';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import type { CaseworkRequest } from './casework-context';

/** National office's choice: acknowledgements left exactly as the template wrote them pass quality assurance by themselves. */
export const AUTOMATIC_ACKNOWLEDGEMENT_APPROVAL = 'acknowledgements_pass_automatically';

export type PreparedAcknowledgement = { letterId: string; approvedAutomatically: boolean };

/**
 * The acknowledgement by return, written from the current template in the complainant's language
 * and wording: which manager will answer, by when, and how to reach them, and each point for the
 * court with how to raise it. It goes to quality assurance like every letter, unless national
 * office lets unchanged acknowledgements pass by themselves; it is sent once approved.
 */
export const prepareAcknowledgementMove: MoveUseCase<'prepare_acknowledgement', Record<string, never>, PreparedAcknowledgement> = {
  move: 'prepare_acknowledgement',
  input: z.object({}).strict() as z.ZodType<Record<string, never>>,
  async apply({ tx, complaint, staff, now }) {
    const kind = acknowledgementKindFor(complaint);
    const written = await writeCaseLetter(tx, { complaintId: complaint.id, kind, now });
    const returned = await findLetterInProgress(tx, complaint.id, complaint.stage, kind);
    const { letterId, version } = await storeCaseLetter(tx, {
      complaintId: complaint.id,
      written,
      staffId: staff?.id ?? null,
      now,
      existingLetterId: returned?.id ?? null,
      state: 'in_quality_assurance',
    });
    const automatic = (await readCaseworkSetting(tx, AUTOMATIC_ACKNOWLEDGEMENT_APPROVAL)) === true;
    if (automatic) await markLetterApproved(tx, letterId, { staffId: null, at: now, automatically: true });
    else await setLetterState(tx, letterId, 'in_quality_assurance');
    return {
      payload: { letterId, kind, version, templateVersion: written.templateVersion, approvedAutomatically: automatic },
      auditSubject: `letter:${letterId}`,
      result: { letterId, approvedAutomatically: automatic },
    };
  },
};

export function prepareAcknowledgement(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<PreparedAcknowledgement> {
  return runMove(deps, request, prepareAcknowledgementMove, { complaintId }, {});
}
