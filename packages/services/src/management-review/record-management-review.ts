import { insertManagementReview, listActiveFrameworkItems, listQualityGrades, listReviewPlaces } from '@complaints/db';
import { judgeManagementReview, type ManagementReviewInput, managementReviewSchema } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';

/**
 * A management review of the case, recorded by the manager when a complaint questions the quality
 * of the work with a family: each item of the quality framework graded with its evidence, what was
 * done well and what fell short, an overall grade, linked to the team and the practitioner. The
 * framework in use now is what it is judged against, and the review keeps it.
 */
export const recordManagementReviewMove: MoveUseCase<'record_management_review', ManagementReviewInput, { reviewId: string }> = {
  move: 'record_management_review',
  input: managementReviewSchema,
  async apply({ tx, complaint, staff, now }, input) {
    const [items, grades, places] = await Promise.all([
      listActiveFrameworkItems(tx),
      listQualityGrades(tx),
      listReviewPlaces(tx, { serviceAreaId: complaint.serviceAreaId, practitionerId: complaint.practitionerId }),
    ]);
    const judged = judgeManagementReview(input, { items, grades, teams: places.teams, practitioners: places.practitioners });
    if (!judged.ok) throw Refusal.invalid(judged.problems);
    const { review } = judged;
    const reviewId = await insertManagementReview(tx, { complaintId: complaint.id, reviewerId: staff!.id, ...review, at: now });
    return {
      payload: { reviewId, practitionerId: review.practitionerId, teamId: review.teamId, overallGrade: review.overallGrade },
      auditSubject: `management_review:${reviewId}`,
      result: { reviewId },
    };
  },
};

export function recordManagementReview(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, recordManagementReviewMove, { complaintId }, raw);
}
