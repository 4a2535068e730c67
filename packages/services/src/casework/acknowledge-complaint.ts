import {
  appendComplaintEvents,
  enqueueOutboxMessages,
  findComplaintAccessFacts,
  insertLetter,
  lockComplaint,
  recordAudit,
  recordStageAcknowledged,
  touchComplaint,
} from '@complaints/db';
import { renderHtmlDocument, renderPlainText } from '@complaints/documents';
import type { ServiceDependencies } from '../dependencies';
import { fillTrackingCode, toStoredDocument } from '../letters/letter-document';
import { ActionRefusedError, checkAction, ComplaintNotFoundError, type CaseworkRequest, workableComplaint, staffEvent } from './casework-context';
import { prepareAcknowledgement } from './prepare-acknowledgement';

export type Acknowledged = { letterId: string; delivery: 'email' | 'post' };

/**
 * Sends the acknowledgement by return: the letter from the current template in the complainant's
 * language and wording, naming the manager, the date of the next response and how to reach the
 * manager. By email (the letter as the body, its PDF attached when the email goes) or queued for
 * printing, where the tracking code is added. The complaint moves to acknowledged, and the next
 * date owed becomes the response.
 */
export async function acknowledgeComplaint(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<Acknowledged> {
  const { actor } = request;
  await workableComplaint(deps.db, actor, complaintId, 'acknowledge');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const locked = await lockComplaint(tx, complaintId);
    if (!locked) throw new ComplaintNotFoundError();
    const transition = checkAction(locked, actor, 'acknowledge');
    // Read again under the lock: the manager or the points may have changed since the preview.
    const facts = await findComplaintAccessFacts(tx, complaintId);
    if (!facts) throw new ComplaintNotFoundError();
    const prepared = await prepareAcknowledgement(tx, facts, now);
    if (!prepared.ok) throw new ActionRefusedError(prepared.reason);

    const readable = fillTrackingCode(prepared.document, null);
    const html = renderHtmlDocument(readable);
    const letterId = await insertLetter(tx, {
      complaintId,
      stage: locked.stage,
      kind: prepared.kind,
      templateId: prepared.templateId,
      audience: locked.audience,
      language: locked.language,
      state: 'sent',
      subject: prepared.subject,
      html,
      document: toStoredDocument(prepared.document),
      delivery: prepared.delivery,
      createdBy: actor.id,
      createdAt: now,
      approvedBy: actor.id,
      approvedAt: now,
      // A posted letter is sent when it is printed.
      sentAt: prepared.delivery === 'email' ? now : null,
    });
    await enqueueOutboxMessages(tx, [
      prepared.delivery === 'email'
        ? {
            complaintId,
            letterId,
            channel: 'email',
            template: `letter.${prepared.kind}`,
            recipient: prepared.sendTo,
            language: locked.language,
            audience: locked.audience,
            payload: { subject: prepared.subject, text: renderPlainText(readable), html, letterId, attachLetterPdf: true },
            createdAt: now,
            nextAttemptAt: now,
          }
        : {
            complaintId,
            letterId,
            channel: 'print',
            template: `letter.${prepared.kind}`,
            recipient: null,
            language: locked.language,
            audience: locked.audience,
            payload: { letterId, reference: locked.reference },
            createdAt: now,
            nextAttemptAt: now,
          },
    ]);
    await touchComplaint(tx, complaintId, { state: transition.to, acknowledgedAt: now, currentDueOn: prepared.responseDueOn });
    await recordStageAcknowledged(tx, complaintId, locked.stage, now);
    await appendComplaintEvents(tx, complaintId, [
      staffEvent(transition, actor, now, { letterId, delivery: prepared.delivery, templateVersion: prepared.templateVersion }),
    ]);
    await recordAudit(tx, { staffId: actor.id, action: 'complaint.acknowledged', complaintId, subject: `letter:${letterId}`, requestId: request.requestId });
    return { letterId, delivery: prepared.delivery };
  });
}
