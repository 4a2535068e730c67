import { can, learningLevelsOpenTo, learningLogScope } from '@complaints/auth';
import { type LearningPointRow, listLearningLog, listLearningLogAreas, type NamedPlace } from '@complaints/db';
import { isLearningOverdue, LEARNING_LEVELS, LEARNING_PAGE_SIZE, type LearningLevel, type LearningLogQuery, learningLogQuerySchema, londonDateOf } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { Refusal } from '../refusal';

export type LearningLogPage = {
  level: LearningLevel;
  /** The levels whose log this person opens, for the links between them. */
  levels: LearningLevel[];
  query: LearningLogQuery;
  areas: NamedPlace[];
  points: Array<LearningPointRow & { overdue: boolean }>;
  total: number;
  overdue: number;
  pages: number;
  today: string;
};

/**
 * A level's learning log as this person may see it (their area's, or all for national office, and
 * always the actions they own), narrowed and ordered by what the link or GET form asked for, with
 * overdue actions counted and flagged.
 */
export async function viewLearningLog(deps: ServiceDependencies, request: CaseworkRequest, level: LearningLevel, rawQuery: unknown): Promise<LearningLogPage> {
  const { actor } = request;
  const levels = learningLevelsOpenTo(actor, LEARNING_LEVELS);
  if (!can(actor, 'view_learning_log') || !levels.includes(level)) throw new Refusal('not_allowed');
  const scope = learningLogScope(actor, level);
  const query = learningLogQuerySchema.parse(rawQuery ?? {});
  const today = londonDateOf(deps.clock.now());
  const areas = await listLearningLogAreas(deps.db, level, scope);
  const areaId = query.area && areas.some((a) => a.id === query.area) ? query.area : null;
  const { rows, total, overdue } = await listLearningLog(deps.db, {
    level,
    scope,
    ownerId: actor.id,
    status: query.status,
    areaId,
    today,
    sort: query.sort,
    direction: query.direction,
    limit: LEARNING_PAGE_SIZE,
    offset: (query.page - 1) * LEARNING_PAGE_SIZE,
  });
  return {
    level,
    levels,
    query: { ...query, area: areaId },
    areas,
    points: rows.map((p) => ({ ...p, overdue: isLearningOverdue(p, today) })),
    total,
    overdue,
    pages: Math.max(1, Math.ceil(total / LEARNING_PAGE_SIZE)),
    today,
  };
}
