import type { QualityFrameworkItem, QualityGrade, ReviewFramework } from '@complaints/domain';
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../client';
import { managementReviews, practitioners, qualityFrameworkItems, qualityGrades, staff, teams } from '../schema/index';

/** Management reviews of a case, and the framework, grades and places a review is made against. */

/** The framework's items in use now, in the organisation's order. */
export async function listActiveFrameworkItems(db: Executor): Promise<QualityFrameworkItem[]> {
  return db
    .select({
      key: qualityFrameworkItems.key,
      dimension: qualityFrameworkItems.dimension,
      labelEn: qualityFrameworkItems.labelEn,
      labelCy: qualityFrameworkItems.labelCy,
      descriptionEn: qualityFrameworkItems.descriptionEn,
      descriptionCy: qualityFrameworkItems.descriptionCy,
    })
    .from(qualityFrameworkItems)
    .where(eq(qualityFrameworkItems.active, true))
    .orderBy(asc(qualityFrameworkItems.position), asc(qualityFrameworkItems.key));
}

export async function listQualityGrades(db: Executor): Promise<QualityGrade[]> {
  return db
    .select({ key: qualityGrades.key, labelEn: qualityGrades.labelEn, labelCy: qualityGrades.labelCy })
    .from(qualityGrades)
    .orderBy(asc(qualityGrades.position), asc(qualityGrades.key));
}

export type ReviewPlaces = {
  teams: Array<{ id: string; nameEn: string; nameCy: string }>;
  practitioners: Array<{ id: string; fullName: string; teamId: string }>;
};

/**
 * The teams a review may be linked to (those of the complaint's service area, or every team for a
 * complaint not yet placed) and their active practitioners, with the complaint's own practitioner
 * even if they have since left, so the review can still name them.
 */
export async function listReviewPlaces(db: Executor, place: { serviceAreaId: string | null; practitionerId: string | null }): Promise<ReviewPlaces> {
  const teamRows = await db
    .select({ id: teams.id, nameEn: teams.nameEn, nameCy: teams.nameCy })
    .from(teams)
    .where(place.serviceAreaId ? eq(teams.serviceAreaId, place.serviceAreaId) : undefined)
    .orderBy(asc(teams.nameEn), asc(teams.id));
  if (teamRows.length === 0) return { teams: [], practitioners: [] };
  const current = eq(practitioners.active, true);
  const practitionerRows = await db
    .select({ id: practitioners.id, fullName: practitioners.fullName, teamId: practitioners.teamId })
    .from(practitioners)
    .where(
      and(
        inArray(
          practitioners.teamId,
          teamRows.map((t) => t.id),
        ),
        place.practitionerId ? or(current, eq(practitioners.id, place.practitionerId)) : current,
      ),
    )
    .orderBy(asc(practitioners.fullName), asc(practitioners.id));
  return { teams: teamRows, practitioners: practitionerRows };
}

export async function insertManagementReview(
  tx: Executor,
  review: {
    complaintId: string;
    reviewerId: string;
    practitionerId: string | null;
    teamId: string;
    grades: Record<string, string>;
    framework: ReviewFramework;
    overallGrade: string;
    goodPractice: string | null;
    failings: string | null;
    at: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(managementReviews)
    .values({
      complaintId: review.complaintId,
      reviewerId: review.reviewerId,
      practitionerId: review.practitionerId,
      teamId: review.teamId,
      grades: review.grades,
      framework: review.framework,
      overallGrade: review.overallGrade,
      goodPractice: review.goodPractice,
      failings: review.failings,
      completedAt: review.at,
      createdAt: review.at,
    })
    .returning({ id: managementReviews.id });
  return row!.id;
}

export type CaseManagementReview = {
  id: string;
  reviewerName: string | null;
  practitionerName: string | null;
  teamNameEn: string | null;
  teamNameCy: string | null;
  overallGrade: string | null;
  framework: ReviewFramework | null;
  goodPractice: string | null;
  failings: string | null;
  completedAt: Date | null;
};

/** A complaint's management reviews, the latest first. */
export async function listManagementReviews(db: Executor, complaintId: string): Promise<CaseManagementReview[]> {
  return db
    .select({
      id: managementReviews.id,
      reviewerName: staff.fullName,
      practitionerName: practitioners.fullName,
      teamNameEn: teams.nameEn,
      teamNameCy: teams.nameCy,
      overallGrade: managementReviews.overallGrade,
      framework: managementReviews.framework,
      goodPractice: managementReviews.goodPractice,
      failings: managementReviews.failings,
      completedAt: managementReviews.completedAt,
    })
    .from(managementReviews)
    .leftJoin(staff, eq(staff.id, managementReviews.reviewerId))
    .leftJoin(practitioners, eq(practitioners.id, managementReviews.practitionerId))
    .leftJoin(teams, eq(teams.id, managementReviews.teamId))
    .where(eq(managementReviews.complaintId, complaintId))
    .orderBy(desc(managementReviews.createdAt), desc(managementReviews.id));
}
