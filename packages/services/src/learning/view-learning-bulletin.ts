import { listLearningBulletin } from '@complaints/db';
import type { LearningStatus } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';

export type LearningBulletin = Array<{ id: string; wording: string; publishedAt: Date; status: LearningStatus }>;

/**
 * The staff bulletin of national learning, for every member of staff: the wording written for it,
 * when it was published and whether the action is done. Nothing else of a point reaches it.
 */
export async function viewLearningBulletin(deps: Pick<ServiceDependencies, 'db'>): Promise<LearningBulletin> {
  return (await listLearningBulletin(deps.db)).map((b) => ({ id: b.id, wording: b.bulletinWording, publishedAt: b.publishedAt, status: b.status }));
}
