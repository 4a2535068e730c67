import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { recordManagementReview } from './record-management-review';
import { viewManagementReview } from './view-management-review';

export type { ManagementReviewPage } from './view-management-review';

/** The management review of a case, bound once. */
export function createManagementReviewServices(deps: ServiceDependencies) {
  return {
    view: (request: CaseworkRequest, complaintId: string, pointId: string | null = null) => viewManagementReview(deps, request, complaintId, pointId),
    record: (request: CaseworkRequest, complaintId: string, input: unknown) => recordManagementReview(deps, request, complaintId, input),
  };
}

export type ManagementReviewServices = ReturnType<typeof createManagementReviewServices>;
