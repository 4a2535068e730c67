import type { LearningLevel } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { publishLearningPoint } from './publish-learning-point';
import { raiseLearning } from './raise-learning';
import { updateLearningPoint } from './update-learning-point';
import { viewLearningBulletin } from './view-learning-bulletin';
import { viewLearningLog } from './view-learning-log';
import { viewLearningIndex } from './view-learning-index';
import { viewLearningPoint } from './view-learning-point';
import { viewRaiseLearning } from './view-raise-learning';

export type { LearningBulletin } from './view-learning-bulletin';
export type { LearningIndex } from './view-learning-index';
export type { LearningLogPage } from './view-learning-log';
export type { LearningPointPage } from './view-learning-point';
export type { RaiseLearningPage } from './view-raise-learning';
export type { ComplaintLearning } from './complaint-learning';

/** The learning log, bound once. */
export function createLearningServices(deps: ServiceDependencies) {
  return {
    viewRaise: (request: CaseworkRequest, complaintId: string, source?: string) => viewRaiseLearning(deps, request, complaintId, source),
    raise: (request: CaseworkRequest, complaintId: string, input: unknown) => raiseLearning(deps, request, complaintId, input),
    log: (request: CaseworkRequest, level: LearningLevel, query: unknown) => viewLearningLog(deps, request, level, query),
    point: (request: CaseworkRequest, id: string) => viewLearningPoint(deps, request, id),
    update: (request: CaseworkRequest, id: string, input: unknown) => updateLearningPoint(deps, request, id, input),
    publish: (request: CaseworkRequest, id: string, input: unknown) => publishLearningPoint(deps, request, id, input),
    bulletin: () => viewLearningBulletin(deps),
    index: (request: CaseworkRequest) => viewLearningIndex(deps, request),
  };
}

export type LearningServices = ReturnType<typeof createLearningServices>;
