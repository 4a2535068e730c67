import { findStageDates, markLetterSent, recordStageAcknowledged, recordStageResponseSent } from '@complaints/db';
import { LETTER_EFFECTS } from '@complaints/domain';
import { renderHtmlDocument, renderPlainText } from '@complaints/documents';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type ComplaintChanges, type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { fillTrackingCode, fromStoredDocument } from './letter-document';

/**
 * An approved letter goes: by email (the letter as HTML and plain text, its PDF attached when the
 * email is sent) or to the print queue, in the complainant's language and wording. What it does
 * to the complaint follows its kind: the acknowledgement acknowledges it and the response is owed
 * next; the response leaves nothing owed at this stage; other letters leave the dates alone.
 */
export const sendLetterMove: MoveUseCase<'send_letter', Record<string, never>, { letterId: string; delivery: 'email' | 'post' }> = {
  move: 'send_letter',
  input: z.object({}) as z.ZodType<Record<string, never>>,
  async apply({ tx, complaint, letter, stage, now }) {
    const l = letter!;
    const document = fromStoredDocument(l.document);
    if (!document) throw new Refusal('no_template');
    if (l.delivery === 'email' && !l.recipient) throw new Refusal('no_safe_written_contact');
    const readable = fillTrackingCode(document, null);
    const html = renderHtmlDocument(readable);
    const common = { complaintId: complaint.id, letterId: l.id, template: `letter.${l.kind}`, language: complaint.language, audience: complaint.audience, createdAt: now, nextAttemptAt: now };
    const outbox = [
      l.delivery === 'email'
        ? { ...common, channel: 'email' as const, recipient: l.recipient, payload: { subject: l.subject, text: renderPlainText(readable), html, letterId: l.id, attachLetterPdf: true } }
        : { ...common, channel: 'print' as const, recipient: null, payload: { letterId: l.id, reference: complaint.reference } },
    ];
    // A posted letter is sent when it is printed.
    await markLetterSent(tx, l.id, l.delivery === 'email' ? now : null);
    const effect = LETTER_EFFECTS[l.kind]?.send_letter;
    let changes: ComplaintChanges = {};
    if (effect === 'acknowledged') {
      const dates = await findStageDates(tx, complaint.id, stage);
      await recordStageAcknowledged(tx, complaint.id, stage, now);
      changes = { acknowledgedAt: now, currentDueOn: dates?.responseDueOn ?? complaint.currentDueOn };
    } else if (effect === 'response_sent') {
      await recordStageResponseSent(tx, complaint.id, stage, now);
      // Nothing more is owed at this stage, so nothing is waited for either: a paused clock stops being paused.
      changes = { responseSentAt: now, currentDueOn: null, pausedSince: null };
    }
    return { payload: { letterId: l.id, kind: l.kind, version: l.version, delivery: l.delivery }, changes, outbox, result: { letterId: l.id, delivery: l.delivery } };
  },
};

export function sendLetter(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, letterId: string) {
  return runMove(deps, request, sendLetterMove, { complaintId, letterId }, {});
}
