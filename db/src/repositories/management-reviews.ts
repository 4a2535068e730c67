import type { QualityFramework, QualityFrameworkItem, QualityGrade, ReviewFramework } from '@complaints/domain';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { complaintPoints, managementReviews, practitioners, qualityFrameworkVersions, staff, teams } from '../schema/index';

/** Management reviews of a case, and the framework, grades and places a review is made against. */

/** The framework in use now: its latest version. Null only before reference data is seeded. */
export async function findCurrentFramework(db: Executor): Promise<QualityFramework | null> {
  const [row] = await db
    .select({ version: qualityFrameworkVersions.version, items: qualityFrameworkVersions.items, grades: qualityFrameworkVersions.grades })
    .from(qualityFrameworkVersions)
    .orderBy(desc(qualityFrameworkVersions.version))
    .limit(1);
  return row ?? null;
}

export type FrameworkVersionSummary = { version: number; createdAt: Date; createdByName: string | null; domains: number; grades: number };

/** Every version of the framework, the latest first, with who saved it. */
export async function listFrameworkVersions(db: Executor): Promise<FrameworkVersionSummary[]> {
  const rows = await db
    .select({
      version: qualityFrameworkVersions.version,
      createdAt: qualityFrameworkVersions.createdAt,
      createdByName: staff.fullName,
      items: qualityFrameworkVersions.items,
      grades: qualityFrameworkVersions.grades,
    })
    .from(qualityFrameworkVersions)
    .leftJoin(staff, eq(staff.id, qualityFrameworkVersions.createdBy))
    .orderBy(desc(qualityFrameworkVersions.version));
  return rows.map((r) => ({ version: r.version, createdAt: r.createdAt, createdByName: r.createdByName, domains: r.items.length, grades: r.grades.length }));
}

export async function findFrameworkVersion(db: Executor, version: number): Promise<QualityFramework | null> {
  const [row] = await db
    .select({ version: qualityFrameworkVersions.version, items: qualityFrameworkVersions.items, grades: qualityFrameworkVersions.grades })
    .from(qualityFrameworkVersions)
    .where(eq(qualityFrameworkVersions.version, version))
    .limit(1);
  return row ?? null;
}

/**
 * Saves a new version after the latest. Two saves at once cannot both take the same number: the
 * second fails on the primary key and is refused as a conflict by its caller.
 */
export async function insertFrameworkVersion(
  tx: Executor,
  framework: { items: QualityFrameworkItem[]; grades: QualityGrade[]; createdBy: string | null; at: Date },
): Promise<number> {
  const [row] = await tx
    .insert(qualityFrameworkVersions)
    .values({
      version: sql`(select coalesce(max(${qualityFrameworkVersions.version}), 0) + 1 from ${qualityFrameworkVersions})`,
      items: framework.items,
      grades: framework.grades,
      createdBy: framework.createdBy,
      createdAt: framework.at,
    })
    .returning({ version: qualityFrameworkVersions.version });
  return row!.version;
}

/** The points of a complaint a review may be about, with the practitioner each is about. */
export async function listReviewPoints(db: Executor, complaintId: string): Promise<Array<{ id: string; position: number; text: string; practitionerId: string | null }>> {
  return db
    .select({ id: complaintPoints.id, position: complaintPoints.position, text: complaintPoints.text, practitionerId: complaintPoints.practitionerId })
    .from(complaintPoints)
    .where(eq(complaintPoints.complaintId, complaintId))
    .orderBy(asc(complaintPoints.position));
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
    frameworkVersion: number;
    pointId: string | null;
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
      frameworkVersion: review.frameworkVersion,
      pointId: review.pointId,
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
  frameworkVersion: number | null;
  /** The position of the point it is about (1 for the first), when it is about one. */
  pointPosition: number | null;
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
      frameworkVersion: managementReviews.frameworkVersion,
      pointPosition: complaintPoints.position,
      goodPractice: managementReviews.goodPractice,
      failings: managementReviews.failings,
      completedAt: managementReviews.completedAt,
    })
    .from(managementReviews)
    .leftJoin(staff, eq(staff.id, managementReviews.reviewerId))
    .leftJoin(practitioners, eq(practitioners.id, managementReviews.practitionerId))
    .leftJoin(teams, eq(teams.id, managementReviews.teamId))
    .leftJoin(complaintPoints, eq(complaintPoints.id, managementReviews.pointId))
    .where(eq(managementReviews.complaintId, complaintId))
    .orderBy(desc(managementReviews.createdAt), desc(managementReviews.id));
}

/** Holds off other saves of the framework until this transaction ends, so versions follow one another. */
export async function lockFrameworkVersions(tx: Executor): Promise<void> {
  await tx.execute(sql`lock table ${qualityFrameworkVersions} in share row exclusive mode`);
}
