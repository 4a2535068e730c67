import { findSentComplaint, type SentComplaintRecord } from '@complaints/db';
import type { FlowId } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { findDraftByToken } from '../drafts/form-draft-token';

export type SentComplaint =
  /** Nothing to show to this cookie: the draft has gone (expired, or another browser), or was never sent. */
  | { kind: 'gone' }
  | { kind: 'not-sent' }
  | { kind: 'sent'; complaint: SentComplaintRecord };

/**
 * The complaint this browser has just sent, found through the draft cookie and never by reference
 * alone, so no one can see anyone else's complaint by guessing a reference.
 */
export async function showSentComplaint(deps: Pick<ServiceDependencies, 'db' | 'clock'>, input: { flow: FlowId; token: string | null }): Promise<SentComplaint> {
  const draft = await findDraftByToken(deps.db, input.flow, input.token, deps.clock.now());
  if (!draft) return { kind: 'gone' };
  if (!draft.complaintId) return { kind: 'not-sent' };
  const complaint = await findSentComplaint(deps.db, draft.complaintId);
  return complaint ? { kind: 'sent', complaint } : { kind: 'gone' };
}
