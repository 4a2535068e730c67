import { canFollowUpLearning, canPublishLearning } from '@complaints/auth';
import { type LearningPointRow, listLearningUpdates } from '@complaints/db';
import { isLearningOverdue, type LearningStatus, londonDateOf } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { visibleLearningPoint } from './learning-sight';

export type LearningPointPage = {
  point: LearningPointRow & { overdue: boolean };
  /** The complaint's reference, for someone who may open it; else null. */
  reference: string | null;
  updates: Array<{ fromStatus: LearningStatus; toStatus: LearningStatus; note: string | null; staffName: string; at: Date }>;
  mayFollowUp: boolean;
  mayPublish: boolean;
  today: string;
};

/** One learning point: what was learnt, its action, its history, and what this person may do with it. */
export async function viewLearningPoint(deps: ServiceDependencies, request: CaseworkRequest, id: string): Promise<LearningPointPage> {
  const { point, seesComplaint } = await visibleLearningPoint(deps.db, request.actor, id);
  const updates = await listLearningUpdates(deps.db, id);
  const today = londonDateOf(deps.clock.now());
  return {
    point: { ...point, overdue: isLearningOverdue(point, today) },
    reference: seesComplaint ? point.reference : null,
    updates,
    mayFollowUp: canFollowUpLearning(request.actor, point) && (point.status === 'open' || point.status === 'in_progress'),
    mayPublish: canPublishLearning(request.actor, point),
    today,
  };
}
