import { recordAudit } from '@complaints/db';
import type { DocumentSource } from '@complaints/documents';
import type { ServiceDependencies } from '../dependencies';
import { fillTrackingCode } from '../letters/letter-document';
import { type CaseworkRequest, workableComplaint } from './casework-context';
import { type AcknowledgementRefusalReason, prepareAcknowledgement } from './prepare-acknowledgement';

export type AcknowledgementPreview = {
  complaintId: string;
  reference: string;
  letter:
    | { ok: true; subject: string; document: DocumentSource; delivery: 'email' | 'post'; sendTo: string; responseDueOn: string }
    | { ok: false; reason: AcknowledgementRefusalReason };
};

/** The acknowledgement as it will go, for the administrator to check before sending it. */
export async function previewAcknowledgement(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<AcknowledgementPreview> {
  const { facts } = await workableComplaint(deps.db, request.actor, complaintId, 'acknowledge');
  const prepared = await prepareAcknowledgement(deps.db, facts, deps.clock.now());
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:acknowledgement', requestId: request.requestId });
  return {
    complaintId,
    reference: facts.reference,
    letter: prepared.ok
      ? {
          ok: true,
          subject: prepared.subject,
          document: fillTrackingCode(prepared.document, null),
          delivery: prepared.delivery,
          sendTo: prepared.sendTo,
          responseDueOn: prepared.responseDueOn,
        }
      : prepared,
  };
}
