import { readCaseworkSetting, recordAudit } from '@complaints/db';
import { acknowledgementKindFor } from '@complaints/domain';
import type { DocumentSource } from '@complaints/documents';
import type { ServiceDependencies } from '../dependencies';
import { writeCaseLetter } from '../letters/case-letter';
import { fillTrackingCode } from '../letters/letter-document';
import { requireMove } from '../lifecycle/offered-moves';
import { isRefusal, type RefusalCode } from '../refusal';
import type { CaseworkRequest } from './casework-context';
import { AUTOMATIC_ACKNOWLEDGEMENT_APPROVAL } from './prepare-acknowledgement';

export type AcknowledgementPreview = {
  complaintId: string;
  reference: string;
  /** Whether it will pass quality assurance by itself (national office's setting). */
  passesAutomatically: boolean;
  letter:
    | { ok: true; subject: string; document: DocumentSource; delivery: 'email' | 'post'; sendTo: string; responseDueOn: string | null }
    | { ok: false; reason: RefusalCode };
};

/** The acknowledgement as it will be written, for the administrator to check before it goes to quality assurance. */
export async function previewAcknowledgement(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<AcknowledgementPreview> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'prepare_acknowledgement');
  let letter: AcknowledgementPreview['letter'];
  if (blocked) letter = { ok: false, reason: blocked };
  else try {
    const written = await writeCaseLetter(deps.db, { complaintId, kind: acknowledgementKindFor(access), now: deps.clock.now() });
    letter = {
      ok: true,
      subject: written.subject,
      document: fillTrackingCode(written.document, null),
      delivery: written.delivery,
      sendTo: written.sendTo,
      responseDueOn: written.responseDueOn,
    };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    letter = { ok: false, reason: error.code };
  }
  const passesAutomatically = (await readCaseworkSetting(deps.db, AUTOMATIC_ACKNOWLEDGEMENT_APPROVAL)) === true;
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:acknowledgement', requestId: request.requestId });
  return { complaintId, reference: access.reference, passesAutomatically, letter };
}
