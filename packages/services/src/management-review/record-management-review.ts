import { findCurrentFramework, insertManagementReview, listReviewPlaces, listReviewPoints } from '@complaints/db';
import { judgeManagementReview, type ManagementReviewInput, managementReviewSchema } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';

/**
 * A management review of the case, recorded by the manager when a complaint questions the quality
 * of the work with a family: each item of the quality framework graded with its evidence, what was
 * done well and what fell short, an overall grade, linked to the team and the practitioner. The
 * framework's latest version is what it is judged against, and the review keeps its number and
 * its words. It may be about one point of the complaint, whose practitioner triage recorded.
 */
export const recordManagementReviewMove: MoveUseCase<'record_management_review', ManagementReviewInput, { reviewId: string }> = {
  move: 'record_management_review',
  input: managementReviewSchema,
  async apply({ tx, complaint, staff, now }, input) {
    const [framework, places, points] = await Promise.all([
      findCurrentFramework(tx),
      listReviewPlaces(tx, { serviceAreaId: complaint.serviceAreaId, practitionerId: complaint.practitionerId }),
      listReviewPoints(tx, complaint.id),
    ]);
    if (!framework) throw new Refusal('not_found');
    const judged = judgeManagementReview(input, { items: framework.items, grades: framework.grades, teams: places.teams, practitioners: places.practitioners, points });
    if (!judged.ok) throw Refusal.invalid(judged.problems);
    const { review } = judged;
    const reviewId = await insertManagementReview(tx, { complaintId: complaint.id, reviewerId: staff!.id, ...review, frameworkVersion: framework.version, at: now });
    return {
      payload: { reviewId, practitionerId: review.practitionerId, teamId: review.teamId, overallGrade: review.overallGrade, frameworkVersion: framework.version, ...(review.pointId ? { pointId: review.pointId } : {}) },
      auditSubject: `management_review:${reviewId}`,
      result: { reviewId },
    };
  },
};

export function recordManagementReview(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, recordManagementReviewMove, { complaintId }, raw);
}
