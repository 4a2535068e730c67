import { canPublishLearning } from '@complaints/auth';
import { listComplaintPeopleNames, publishLearningPoint as storePublication, recordAudit } from '@complaints/db';
import { fieldProblems, namesInWording, publishLearningSchema } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { Refusal } from '../refusal';
import { visibleLearningPoint } from './learning-sight';

/**
 * National learning published in the staff bulletin, by national office, in wording written for
 * it: the bulletin shows that wording and nothing else of the point. Wording that names someone
 * from the complaint (the complainant, whoever they complained for, the practitioner, the staff
 * who worked on it) is refused. Publishing again replaces the wording.
 */
export async function publishLearningPoint(deps: ServiceDependencies, request: CaseworkRequest, id: string, raw: unknown): Promise<{ learningPointId: string }> {
  const { point } = await visibleLearningPoint(deps.db, request.actor, id);
  if (!canPublishLearning(request.actor, point)) throw new Refusal('not_allowed');
  const parsed = publishLearningSchema.safeParse(raw);
  if (!parsed.success) throw Refusal.invalid(fieldProblems(parsed.error));
  const { bulletinWording } = parsed.data;
  const people = point.complaintId ? await listComplaintPeopleNames(deps.db, point.complaintId) : [];
  if (namesInWording(bulletinWording, [...people, point.ownerName, point.raisedByName]).length > 0) {
    throw Refusal.invalid([{ field: 'bulletinWording', message: 'bulletinWording.namesPerson' }]);
  }
  return deps.db.transaction(async (tx) => {
    await storePublication(tx, { id, bulletinWording, staffId: request.actor.id, at: deps.clock.now() });
    await recordAudit(tx, { staffId: request.actor.id, action: 'learning.published', complaintId: point.complaintId, subject: `learning_point:${id}`, requestId: request.requestId });
    return { learningPointId: id };
  });
}
