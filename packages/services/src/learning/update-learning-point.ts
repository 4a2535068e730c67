import { canFollowUpLearning } from '@complaints/auth';
import { changeLearningStatus, lockLearningPoint, recordAudit } from '@complaints/db';
import { checkLearningUpdate, fieldProblems, updateLearningSchema } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { Refusal } from '../refusal';
import { visibleLearningPoint } from './learning-sight';

/**
 * An action of the learning log followed up: started, done (with the evidence), or not taken
 * forward (with the reason). Not a move of the complaint's lifecycle: following up is the work of
 * the action's owner or the area's managers, who often may not open the complaint, and it goes on
 * after the complaint is closed (and after retention has removed it). So it is the learning log's
 * own use case, in one transaction: the point locked, the rule checked, the status changed, the
 * change kept in the point's own history, and the audit entry.
 */
export async function updateLearningPoint(deps: ServiceDependencies, request: CaseworkRequest, id: string, raw: unknown): Promise<{ learningPointId: string }> {
  const { point } = await visibleLearningPoint(deps.db, request.actor, id);
  if (!canFollowUpLearning(request.actor, point)) throw new Refusal('not_allowed');
  const parsed = updateLearningSchema.safeParse(raw);
  if (!parsed.success) throw Refusal.invalid(fieldProblems(parsed.error));
  const input = parsed.data;
  return deps.db.transaction(async (tx) => {
    const locked = await lockLearningPoint(tx, id);
    if (!locked) throw new Refusal('not_found');
    const problems = checkLearningUpdate(locked.status, input);
    if (problems.length > 0) throw Refusal.invalid(problems);
    const now = deps.clock.now();
    await changeLearningStatus(tx, {
      id,
      from: locked.status,
      to: input.status,
      evidence: input.evidence ?? null,
      reason: input.reason ?? null,
      note: input.note ?? null,
      staffId: request.actor.id,
      at: now,
    });
    await recordAudit(tx, {
      staffId: request.actor.id,
      action: 'learning.status_changed',
      complaintId: point.complaintId,
      subject: `learning_point:${id}:${input.status}`,
      requestId: request.requestId,
    });
    return { learningPointId: id };
  });
}
