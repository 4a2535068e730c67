import { canViewComplaint, type StaffActor } from '@complaints/auth';
import { type ComplaintAccessFacts, type Executor, findComplaintAccessFacts } from '@complaints/db';
import { Refusal } from '../refusal';

/** Who is asking (with their name, for what they send), and the request's id for the audit log. */
export type CaseworkRequest = { actor: StaffActor & { fullName: string }; requestId: string };

export function accessScope(facts: Pick<ComplaintAccessFacts, 'businessAreaId' | 'serviceAreaId' | 'responderId' | 'csqManagerId' | 'pastResponderIds'>) {
  return {
    businessAreaId: facts.businessAreaId,
    serviceAreaId: facts.serviceAreaId,
    responderId: facts.responderId,
    csqManagerId: facts.csqManagerId,
    pastResponderIds: facts.pastResponderIds,
  };
}

/**
 * The complaint, if this person may see it. Otherwise not found: the same answer as for one that
 * does not exist (404), so nobody can find out which complaints exist by trying ids.
 */
export async function visibleComplaint(db: Executor, actor: StaffActor, complaintId: string): Promise<ComplaintAccessFacts> {
  if (!isUuid(complaintId)) throw new Refusal('not_found');
  const facts = await findComplaintAccessFacts(db, complaintId);
  if (!facts || !canViewComplaint(actor, accessScope(facts))) throw new Refusal('not_found');
  return facts;
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
