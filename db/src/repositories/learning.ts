import type { LearningLevel, LearningSort, LearningSourceKind, LearningStatus, LearningStatusFilter, Ombudsman } from '@complaints/domain';
import { and, asc, count, desc, eq, gte, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import {
  businessAreas,
  complainants,
  complaints,
  learningPoints,
  learningPointUpdates,
  managementReviews,
  ombudsmanRecommendations,
  ombudsmanReferrals,
  practitioners,
  serviceAreas,
  staff,
  teams,
} from '../schema/index';

/** The learning log: learning points, their status history, and what a learning page needs to read. */

export type NamedPlace = { id: string; nameEn: string; nameCy: string };

/** The places learning from a complaint may name: the teams of its service area, that area and its business area. */
export async function listLearningPlaces(db: Executor, place: { serviceAreaId: string | null; businessAreaId: string | null }) {
  const [teamRows, serviceArea, businessArea] = await Promise.all([
    place.serviceAreaId
      ? db.select({ id: teams.id, nameEn: teams.nameEn, nameCy: teams.nameCy }).from(teams).where(eq(teams.serviceAreaId, place.serviceAreaId)).orderBy(asc(teams.nameEn), asc(teams.id))
      : Promise.resolve([] as NamedPlace[]),
    place.serviceAreaId
      ? db.select({ id: serviceAreas.id, nameEn: serviceAreas.nameEn, nameCy: serviceAreas.nameCy }).from(serviceAreas).where(eq(serviceAreas.id, place.serviceAreaId))
      : Promise.resolve([] as NamedPlace[]),
    place.businessAreaId
      ? db.select({ id: businessAreas.id, nameEn: businessAreas.nameEn, nameCy: businessAreas.nameCy }).from(businessAreas).where(eq(businessAreas.id, place.businessAreaId))
      : Promise.resolve([] as NamedPlace[]),
  ]);
  return { teams: teamRows, serviceArea: serviceArea[0] ?? null, businessArea: businessArea[0] ?? null };
}
export type LearningPlaces = Awaited<ReturnType<typeof listLearningPlaces>>;

/**
 * Who may own an action from a complaint in a business area: active staff of that area and
 * national office (never a system administrator, who does no casework).
 */
export async function listLearningOwners(db: Executor, businessAreaId: string | null): Promise<Array<{ id: string; fullName: string; jobTitle: string | null; role: string }>> {
  return db
    .select({ id: staff.id, fullName: staff.fullName, jobTitle: staff.jobTitle, role: staff.roleKey })
    .from(staff)
    .where(
      and(
        eq(staff.active, true),
        sql`${staff.roleKey} <> 'system_administrator'`,
        or(eq(staff.roleKey, 'national_office'), businessAreaId ? eq(staff.businessAreaId, businessAreaId) : undefined),
      ),
    )
    .orderBy(asc(staff.fullName), asc(staff.id));
}

/**
 * What learning may be raised from on a complaint: its management reviews, its referrals to the
 * Ombudsman, and each recommendation the Ombudsman made, with its action.
 */
export async function listLearningSources(db: Executor, complaintId: string) {
  const [reviews, referrals, recommendations] = await Promise.all([
    db
      .select({ id: managementReviews.id, completedAt: managementReviews.completedAt, createdAt: managementReviews.createdAt, reviewerName: staff.fullName, teamId: managementReviews.teamId })
      .from(managementReviews)
      .innerJoin(staff, eq(staff.id, managementReviews.reviewerId))
      .where(eq(managementReviews.complaintId, complaintId))
      .orderBy(desc(managementReviews.createdAt)),
    db
      .select({ id: ombudsmanReferrals.id, ombudsman: ombudsmanReferrals.ombudsman, referredOn: ombudsmanReferrals.referredOn, theirReference: ombudsmanReferrals.theirReference })
      .from(ombudsmanReferrals)
      .where(eq(ombudsmanReferrals.complaintId, complaintId))
      .orderBy(desc(ombudsmanReferrals.referredOn)),
    db
      .select({ id: ombudsmanRecommendations.id, referralId: ombudsmanRecommendations.referralId, position: ombudsmanRecommendations.position, action: ombudsmanRecommendations.action })
      .from(ombudsmanRecommendations)
      .innerJoin(ombudsmanReferrals, eq(ombudsmanReferrals.id, ombudsmanRecommendations.referralId))
      .where(eq(ombudsmanRecommendations.complaintId, complaintId))
      .orderBy(desc(ombudsmanReferrals.referredOn), asc(ombudsmanRecommendations.position)),
  ]);
  return {
    reviews: reviews.map((r) => ({ ...r, at: r.completedAt ?? r.createdAt })),
    referrals: referrals as Array<{ id: string; ombudsman: Ombudsman; referredOn: string; theirReference: string | null }>,
    recommendations,
  };
}
export type LearningSources = Awaited<ReturnType<typeof listLearningSources>>;

export type NewLearningPoint = {
  complaintId: string | null;
  sourceKind: LearningSourceKind;
  sourceId: string;
  level: LearningLevel;
  teamId: string | null;
  serviceAreaId: string | null;
  businessAreaId: string | null;
  learnt: string;
  action: string;
  ownerId: string;
  dueOn: string;
  raisedBy: string;
  at: Date;
};

export async function insertLearningPoint(tx: Executor, point: NewLearningPoint): Promise<string> {
  const { at, ...rest } = point;
  const [row] = await tx.insert(learningPoints).values({ ...rest, raisedAt: at, updatedAt: at }).returning({ id: learningPoints.id });
  return row!.id;
}

const owner = alias(staff, 'owner');
const raiser = alias(staff, 'raiser');
const publisher = alias(staff, 'publisher');

const POINT_COLUMNS = {
  id: learningPoints.id,
  complaintId: learningPoints.complaintId,
  reference: complaints.reference,
  sourceKind: learningPoints.sourceKind,
  sourceId: learningPoints.sourceId,
  level: learningPoints.level,
  teamId: learningPoints.teamId,
  serviceAreaId: learningPoints.serviceAreaId,
  businessAreaId: learningPoints.businessAreaId,
  teamNameEn: teams.nameEn,
  teamNameCy: teams.nameCy,
  serviceAreaNameEn: serviceAreas.nameEn,
  serviceAreaNameCy: serviceAreas.nameCy,
  businessAreaNameEn: businessAreas.nameEn,
  businessAreaNameCy: businessAreas.nameCy,
  learnt: learningPoints.learnt,
  action: learningPoints.action,
  ownerId: learningPoints.ownerId,
  ownerName: owner.fullName,
  dueOn: learningPoints.dueOn,
  status: learningPoints.status,
  evidence: learningPoints.evidence,
  notTakenForwardReason: learningPoints.notTakenForwardReason,
  bulletinWording: learningPoints.bulletinWording,
  publishedAt: learningPoints.publishedAt,
  publishedByName: publisher.fullName,
  raisedByName: raiser.fullName,
  raisedAt: learningPoints.raisedAt,
  updatedAt: learningPoints.updatedAt,
  /** The recommendation's action, when the point came from one of the Ombudsman's recommendations. */
  recommendationAction: ombudsmanRecommendations.action,
};

function pointQuery(db: Executor) {
  return db
    .select(POINT_COLUMNS)
    .from(learningPoints)
    .innerJoin(owner, eq(owner.id, learningPoints.ownerId))
    .innerJoin(raiser, eq(raiser.id, learningPoints.raisedBy))
    .leftJoin(publisher, eq(publisher.id, learningPoints.publishedBy))
    .leftJoin(complaints, eq(complaints.id, learningPoints.complaintId))
    .leftJoin(teams, eq(teams.id, learningPoints.teamId))
    .leftJoin(serviceAreas, eq(serviceAreas.id, learningPoints.serviceAreaId))
    .leftJoin(businessAreas, eq(businessAreas.id, learningPoints.businessAreaId))
    .leftJoin(ombudsmanRecommendations, and(eq(learningPoints.sourceKind, 'ombudsman_recommendation'), eq(ombudsmanRecommendations.id, learningPoints.sourceId)));
}

export type LearningPointRow = Awaited<ReturnType<ReturnType<typeof pointQuery>['execute']>>[number] & { status: LearningStatus; level: LearningLevel; sourceKind: LearningSourceKind };

export async function findLearningPoint(db: Executor, id: string): Promise<LearningPointRow | null> {
  const [row] = await pointQuery(db).where(eq(learningPoints.id, id));
  return (row as LearningPointRow | undefined) ?? null;
}

/** The point's status, read under a row lock so two updates cannot both start from the same one. */
export async function lockLearningPoint(tx: Executor, id: string): Promise<{ status: LearningStatus; level: LearningLevel } | null> {
  const [row] = await tx.select({ status: learningPoints.status, level: learningPoints.level }).from(learningPoints).where(eq(learningPoints.id, id)).for('update');
  return row ?? null;
}

/** A complaint's learning, the latest first. */
export async function listComplaintLearning(db: Executor, complaintId: string): Promise<LearningPointRow[]> {
  return (await pointQuery(db).where(eq(learningPoints.complaintId, complaintId)).orderBy(desc(learningPoints.raisedAt), desc(learningPoints.id))) as LearningPointRow[];
}

export async function changeLearningStatus(
  tx: Executor,
  change: { id: string; from: LearningStatus; to: LearningStatus; evidence: string | null; reason: string | null; note: string | null; staffId: string; at: Date },
): Promise<void> {
  await tx
    .update(learningPoints)
    .set({
      status: change.to,
      updatedAt: change.at,
      ...(change.to === 'done' ? { evidence: change.evidence } : {}),
      ...(change.to === 'not_taken_forward' ? { notTakenForwardReason: change.reason } : {}),
    })
    .where(eq(learningPoints.id, change.id));
  await tx.insert(learningPointUpdates).values({
    learningPointId: change.id,
    fromStatus: change.from,
    toStatus: change.to,
    note: change.to === 'done' ? change.evidence : change.to === 'not_taken_forward' ? change.reason : change.note,
    staffId: change.staffId,
    at: change.at,
  });
}

export async function listLearningUpdates(db: Executor, id: string) {
  const rows = await db
    .select({ fromStatus: learningPointUpdates.fromStatus, toStatus: learningPointUpdates.toStatus, note: learningPointUpdates.note, staffName: staff.fullName, at: learningPointUpdates.at })
    .from(learningPointUpdates)
    .innerJoin(staff, eq(staff.id, learningPointUpdates.staffId))
    .where(eq(learningPointUpdates.learningPointId, id))
    .orderBy(asc(learningPointUpdates.at), asc(learningPointUpdates.id));
  return rows as Array<{ fromStatus: LearningStatus; toStatus: LearningStatus; note: string | null; staffName: string; at: Date }>;
}

export async function publishLearningPoint(tx: Executor, publication: { id: string; bulletinWording: string; staffId: string; at: Date }): Promise<void> {
  await tx
    .update(learningPoints)
    .set({ bulletinWording: publication.bulletinWording, publishedAt: publication.at, publishedBy: publication.staffId, updatedAt: publication.at })
    .where(eq(learningPoints.id, publication.id));
}

/**
 * The people a complaint is about and who worked on it, by name: what the bulletin's wording must
 * not mention. The complainant and whoever they complained for, the practitioner (as recorded and
 * as the complainant named them), its managers and its reviewers.
 */
export async function listComplaintPeopleNames(db: Executor, complaintId: string): Promise<string[]> {
  const responder = alias(staff, 'responder');
  const csq = alias(staff, 'csq');
  const [row] = await db
    .select({
      complainant: complainants.fullName,
      onBehalfOf: complainants.onBehalfOfName,
      practitioner: practitioners.fullName,
      practitionerGiven: complaints.practitionerNameGiven,
      responder: responder.fullName,
      csq: csq.fullName,
    })
    .from(complaints)
    .leftJoin(complainants, eq(complainants.complaintId, complaints.id))
    .leftJoin(practitioners, eq(practitioners.id, complaints.practitionerId))
    .leftJoin(responder, eq(responder.id, complaints.responderId))
    .leftJoin(csq, eq(csq.id, complaints.csqManagerId))
    .where(eq(complaints.id, complaintId));
  const reviewed = await db
    .select({ reviewer: staff.fullName, practitioner: practitioners.fullName })
    .from(managementReviews)
    .innerJoin(staff, eq(staff.id, managementReviews.reviewerId))
    .leftJoin(practitioners, eq(practitioners.id, managementReviews.practitionerId))
    .where(eq(managementReviews.complaintId, complaintId));
  const names = [row?.complainant, row?.onBehalfOf, row?.practitioner, row?.practitionerGiven, row?.responder, row?.csq, ...reviewed.flatMap((r) => [r.reviewer, r.practitioner])];
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n.trim() !== ''))];
}

export type LearningLogScope = { all: true } | { column: 'teamId' | 'serviceAreaId' | 'businessAreaId'; id: string } | null;

export type LearningLogRequest = {
  /** One level, or every level (with no scope: a person's own actions). */
  level: LearningLevel | null;
  /** What of the level this person's log holds (from `packages/auth`); their own actions are always in it. */
  scope: LearningLogScope;
  ownerId: string;
  status: LearningStatusFilter;
  /** One area of the level (a team, service area or business area), or all. */
  areaId: string | null;
  today: string;
  sort: LearningSort;
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
};

const OUTSTANDING = sql`${learningPoints.status} in ('open', 'in_progress')`;

function statusCondition(filter: LearningStatusFilter, today: string): SQL | undefined {
  switch (filter) {
    case 'all':
      return undefined;
    case 'outstanding':
      return OUTSTANDING;
    case 'overdue':
      return and(OUTSTANDING, lt(learningPoints.dueOn, today));
    default:
      return eq(learningPoints.status, filter);
  }
}

const AREA_COLUMN = { team: learningPoints.teamId, service_area: learningPoints.serviceAreaId, business_area: learningPoints.businessAreaId } as const;

/** One page of a level's log, narrowed and ordered as asked, with how many there are and how many are overdue. */
export async function listLearningLog(db: Executor, request: LearningLogRequest) {
  const { scope } = request;
  const sight = scope === null ? eq(learningPoints.ownerId, request.ownerId) : 'all' in scope ? undefined : or(eq(learningPoints[scope.column], scope.id), eq(learningPoints.ownerId, request.ownerId));
  const area = request.areaId && request.level && request.level !== 'national' ? eq(AREA_COLUMN[request.level], request.areaId) : undefined;
  const base = and(request.level ? eq(learningPoints.level, request.level) : undefined, sight, area);
  const where = and(base, statusCondition(request.status, request.today));
  const dir = request.direction === 'desc' ? desc : asc;
  const order =
    request.sort === 'raised'
      ? [dir(learningPoints.raisedAt), dir(learningPoints.id)]
      : request.sort === 'status'
        ? [dir(sql`array_position(array['open','in_progress','done','not_taken_forward'], ${learningPoints.status})`), asc(learningPoints.dueOn), asc(learningPoints.id)]
        : [dir(learningPoints.dueOn), dir(learningPoints.id)];
  const [rows, [totals]] = await Promise.all([
    pointQuery(db)
      .where(where)
      .orderBy(...order)
      .limit(request.limit)
      .offset(request.offset),
    db
      .select({ total: count(), overdue: sql<number>`count(*) filter (where ${learningPoints.status} in ('open', 'in_progress') and ${learningPoints.dueOn} < ${request.today})`.mapWith(Number) })
      .from(learningPoints)
      .where(where),
  ]);
  return { rows: rows as LearningPointRow[], total: Number(totals?.total ?? 0), overdue: Number(totals?.overdue ?? 0) };
}

/** The areas of a level a log may be narrowed to, within what the person sees. */
export async function listLearningLogAreas(db: Executor, level: LearningLevel, scope: LearningLogScope): Promise<NamedPlace[]> {
  if (level === 'national' || scope === null) return [];
  const within = 'all' in scope ? null : scope;
  if (level === 'team') {
    return db
      .select({ id: teams.id, nameEn: teams.nameEn, nameCy: teams.nameCy })
      .from(teams)
      .innerJoin(serviceAreas, eq(serviceAreas.id, teams.serviceAreaId))
      .where(within ? (within.column === 'teamId' ? eq(teams.id, within.id) : within.column === 'serviceAreaId' ? eq(teams.serviceAreaId, within.id) : eq(serviceAreas.businessAreaId, within.id)) : undefined)
      .orderBy(asc(teams.nameEn), asc(teams.id));
  }
  if (level === 'service_area') {
    return db
      .select({ id: serviceAreas.id, nameEn: serviceAreas.nameEn, nameCy: serviceAreas.nameCy })
      .from(serviceAreas)
      .where(within ? (within.column === 'serviceAreaId' ? eq(serviceAreas.id, within.id) : within.column === 'businessAreaId' ? eq(serviceAreas.businessAreaId, within.id) : sql`false`) : undefined)
      .orderBy(asc(serviceAreas.nameEn), asc(serviceAreas.id));
  }
  return db
    .select({ id: businessAreas.id, nameEn: businessAreas.nameEn, nameCy: businessAreas.nameCy })
    .from(businessAreas)
    .where(within ? (within.column === 'businessAreaId' ? eq(businessAreas.id, within.id) : sql`false`) : undefined)
    .orderBy(asc(businessAreas.nameEn), asc(businessAreas.id));
}

/**
 * The staff bulletin: published national learning, newest first. It reads the bulletin's own
 * wording and nothing else of the point (never what was learnt as the case recorded it, the
 * complaint, or anyone's name). The newest `limit` entries, or those published in a period.
 */
export async function listLearningBulletin(db: Executor, options: { limit?: number; publishedFrom?: Date; publishedBefore?: Date } = {}) {
  const { limit = 50, publishedFrom, publishedBefore } = options;
  const rows = await db
    .select({ id: learningPoints.id, bulletinWording: learningPoints.bulletinWording, publishedAt: learningPoints.publishedAt, status: learningPoints.status })
    .from(learningPoints)
    .where(
      and(
        eq(learningPoints.level, 'national'),
        isNotNull(learningPoints.publishedAt),
        publishedFrom ? gte(learningPoints.publishedAt, publishedFrom) : undefined,
        publishedBefore ? lt(learningPoints.publishedAt, publishedBefore) : undefined,
      ),
    )
    .orderBy(desc(learningPoints.publishedAt), desc(learningPoints.id))
    .limit(limit);
  return rows as Array<{ id: string; bulletinWording: string; publishedAt: Date; status: LearningStatus }>;
}

/** Where a team sits: its service area and business area. */
export async function findTeamPlace(db: Executor, teamId: string): Promise<{ serviceAreaId: string; businessAreaId: string } | null> {
  const [row] = await db
    .select({ serviceAreaId: teams.serviceAreaId, businessAreaId: serviceAreas.businessAreaId })
    .from(teams)
    .innerJoin(serviceAreas, eq(serviceAreas.id, teams.serviceAreaId))
    .where(eq(teams.id, teamId));
  return row ?? null;
}

