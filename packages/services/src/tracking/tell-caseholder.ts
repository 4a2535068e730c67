import { type Executor, findCaseSummary, findManagerContact, type NewOutboxMessage } from '@complaints/db';
import { linkTo, type ServiceDependencies } from '../dependencies';
import { type ComplainantAction, caseholderNotice } from './tracking-emails';

/**
 * The email that tells whoever deals with a complaint what its complainant just did online: the
 * manager, else the CSQ manager, else the business area's complaints inbox. Written in the move's
 * transaction, so it is sent exactly when the move happened.
 */
export async function tellCaseholder(
  tx: Executor,
  deps: Pick<ServiceDependencies, 'addresses'>,
  complaint: { id: string; reference: string; responderId: string | null; csqManagerId: string | null },
  action: ComplainantAction,
  now: Date,
  counts: { files: number; newPoints: number } = { files: 0, newPoints: 0 },
): Promise<NewOutboxMessage[]> {
  const person = complaint.responderId ?? complaint.csqManagerId;
  const recipient = person ? (await findManagerContact(tx, person))?.email : (await findCaseSummary(tx, complaint.id))?.businessAreaEmail;
  if (!recipient) return [];
  const notice = caseholderNotice({ action, reference: complaint.reference, ...counts, caseUrl: linkTo(deps, 'backoffice', `/complaints/${complaint.id}`) });
  return [{ complaintId: complaint.id, channel: 'email', template: `tracking.${action}`, recipient, language: 'en', audience: 'adult', payload: notice, createdAt: now, nextAttemptAt: now }];
}
