import { readCaseworkSetting, recordAudit } from '@complaints/db';
import { acknowledgementKindFor } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { type CaseLetterPreview, previewCaseLetter } from '../letters/case-letter';
import { requireMove } from '../lifecycle/offered-moves';
import type { CaseworkRequest } from './casework-context';
import { AUTOMATIC_ACKNOWLEDGEMENT_APPROVAL } from './prepare-acknowledgement';

export type AcknowledgementPreview = {
  complaintId: string;
  reference: string;
  /** Whether it will pass quality assurance by itself (national office's setting). */
  passesAutomatically: boolean;
  letter: CaseLetterPreview;
};

/** The acknowledgement as it will be written, for the administrator to check before it goes to quality assurance. */
export async function previewAcknowledgement(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<AcknowledgementPreview> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'prepare_acknowledgement');
  const letter: AcknowledgementPreview['letter'] = blocked
    ? { ok: false, reason: blocked }
    : await previewCaseLetter(deps.db, { complaintId, kind: acknowledgementKindFor(access), now: deps.clock.now() });
  const passesAutomatically = (await readCaseworkSetting(deps.db, AUTOMATIC_ACKNOWLEDGEMENT_APPROVAL)) === true;
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:acknowledgement', requestId: request.requestId });
  return { complaintId, reference: access.reference, passesAutomatically, letter };
}
