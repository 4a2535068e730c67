import { type CaseManagementReview, type Executor, listManagementReviews } from '@complaints/db';

export type { CaseManagementReview } from '@complaints/db';

/** A complaint's management reviews for its page, the latest first, each with the framework it used. */
export function caseManagementReviews(db: Executor, complaintId: string): Promise<CaseManagementReview[]> {
  return listManagementReviews(db, complaintId);
}
