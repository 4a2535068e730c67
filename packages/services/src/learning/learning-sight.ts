import { canSeeLearning, canViewComplaint, type StaffActor } from '@complaints/auth';
import { type Executor, findComplaintAccessFacts, findLearningPoint, type LearningPointRow } from '@complaints/db';
import { accessScope, isUuid } from '../casework/casework-context';
import { Refusal } from '../refusal';

/**
 * A learning point, if this person may see it: it is in their learning log or the action is
 * theirs (`packages/auth`), or it came from a complaint they may see (its page lists its
 * learning). Otherwise not found, as for one that does not exist. Says too whether they may see
 * the complaint, which decides whether its reference is shown.
 */
export async function visibleLearningPoint(db: Executor, actor: StaffActor, id: string): Promise<{ point: LearningPointRow; seesComplaint: boolean }> {
  if (!isUuid(id)) throw new Refusal('not_found');
  const point = await findLearningPoint(db, id);
  if (!point) throw new Refusal('not_found');
  const facts = point.complaintId ? await findComplaintAccessFacts(db, point.complaintId) : null;
  const seesComplaint = facts !== null && canViewComplaint(actor, accessScope(facts));
  if (!seesComplaint && !canSeeLearning(actor, point)) throw new Refusal('not_found');
  return { point, seesComplaint };
}
