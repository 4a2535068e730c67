import { learningLevelsOpenTo } from '@complaints/auth';
import { type LearningPointRow, listLearningLog } from '@complaints/db';
import { isLearningOverdue, LEARNING_LEVELS, type LearningLevel, londonDateOf } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';

export type LearningIndex = {
  /** The levels whose log this person opens. */
  levels: LearningLevel[];
  /** The actions they own that are still to do, at any level, the soonest due first (up to 50). */
  mine: Array<LearningPointRow & { overdue: boolean }>;
};

/** The learning log's front page for one person: the logs they open, and their own actions still to do. */
export async function viewLearningIndex(deps: ServiceDependencies, request: CaseworkRequest): Promise<LearningIndex> {
  const today = londonDateOf(deps.clock.now());
  const { rows } = await listLearningLog(deps.db, {
    level: null,
    scope: null,
    ownerId: request.actor.id,
    status: 'outstanding',
    areaId: null,
    today,
    sort: 'due',
    direction: 'asc',
    limit: 50,
    offset: 0,
  });
  return { levels: learningLevelsOpenTo(request.actor, LEARNING_LEVELS), mine: rows.map((p) => ({ ...p, overdue: isLearningOverdue(p, today) })) };
}
