import { findSentComplaint, type SentComplaintRecord } from '@complaints/db';
import { type FlowId, isConfirmationShown } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { findDraftByToken } from '../drafts/form-draft-token';

export type SentComplaint =
  /**
   * Nothing to show to this cookie: the draft has gone (expired, removed, or another browser), or
   * the complaint was sent longer ago than the confirmation is shown for.
   */
  | { kind: 'gone' }
  | { kind: 'not-sent' }
  | { kind: 'sent'; complaint: SentComplaintRecord };

/**
 * The complaint this browser has just sent, found through the draft cookie and never by reference
 * alone, so no one can see anyone else's complaint by guessing a reference; and only for a short
 * while after it was sent (`CONFIRMATION_SHOWN_MINUTES`), as the device may be shared.
 */
export async function showSentComplaint(deps: Pick<ServiceDependencies, 'db' | 'clock'>, input: { flow: FlowId; token: string | null }): Promise<SentComplaint> {
  const now = deps.clock.now();
  const draft = await findDraftByToken(deps.db, input.flow, input.token, now);
  if (!draft) return { kind: 'gone' };
  if (!draft.complaintId) return { kind: 'not-sent' };
  const complaint = await findSentComplaint(deps.db, draft.complaintId);
  return complaint && isConfirmationShown(complaint.receivedAt, now) ? { kind: 'sent', complaint } : { kind: 'gone' };
}
