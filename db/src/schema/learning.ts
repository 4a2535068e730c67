import type { LearningLevel, LearningSourceKind, LearningStatus, Ombudsman, OmbudsmanFinding, QualityFrameworkItem, QualityGrade, ReviewFramework } from '@complaints/domain';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { at, createdAt } from './columns';
import { complaintPoints, complaints } from './complaints';
import { businessAreas, practitioners, serviceAreas, staff, teams } from './organisation';

/**
 * The quality framework used in a management review of a case, as data national office edits:
 * each save is a new version, kept for ever, and the latest is the one in use. A review records
 * the version it was made against (and keeps the words and grades it used with it).
 */
export const qualityFrameworkVersions = pgTable('quality_framework_versions', {
  version: integer('version').primaryKey(),
  /** The domains, in order: compliance and the outcomes for the child, each with its descriptor. */
  items: jsonb('items').$type<QualityFrameworkItem[]>().notNull(),
  grades: jsonb('grades').$type<QualityGrade[]>().notNull(),
  createdBy: uuid('created_by').references(() => staff.id),
  createdAt: createdAt(),
});

export const managementReviews = pgTable(
  'management_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id').notNull().references(() => staff.id),
    practitionerId: uuid('practitioner_id').references(() => practitioners.id),
    teamId: uuid('team_id').references(() => teams.id),
    /** Framework item key → grade key, for the items that applied. */
    grades: jsonb('grades').$type<Record<string, string>>().notNull().default({}),
    overallGrade: text('overall_grade'),
    /** The framework version the review was made against. */
    frameworkVersion: integer('framework_version').references(() => qualityFrameworkVersions.version),
    /** The point of the complaint the review answers, when it is about one. */
    pointId: uuid('point_id').references(() => complaintPoints.id, { onDelete: 'set null' }),
    /** The framework items, their words and the grades as the review used them: the framework may change later. */
    framework: jsonb('framework').$type<ReviewFramework>(),
    goodPractice: text('good_practice'),
    failings: text('failings'),
    evidence: text('evidence'),
    completedAt: at('completed_at'),
    createdAt: createdAt(),
    // Copies of the complaint's areas, kept by the database's triggers (migration 0023), never
    // written here: the quarterly report of an area counts these rows without reading complaints.
    businessAreaId: uuid('business_area_id'),
    serviceAreaId: uuid('service_area_id'),
  },
  (t) => [
    index('management_reviews_complaint_idx').on(t.complaintId),
    // The quarterly report: the reviews completed over its four quarters.
    index('management_reviews_completed_idx').on(t.completedAt),
    // A service area's report: its reviews completed, with what the report reads of them.
    index('management_reviews_area_completed_idx').on(t.serviceAreaId, t.completedAt, t.practitionerId, t.teamId, t.overallGrade),
  ],
);

/**
 * Learning from complaints, collated for teams, service areas, business areas and nationally: what
 * was learnt, at which level (with the matching area: a team's learning names its team, and the
 * team's service area and business area too, so each log finds it by its own column), an action
 * with its owner and due day, and how it ended. Where it came from is a kind and an id
 * (`source_kind`, `source_id`), so another source is one more kind, not another column.
 */
export const learningPoints = pgTable(
  'learning_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The complaint it came from: kept when the complaint is deleted, so the learning outlives it. */
    complaintId: uuid('complaint_id').references(() => complaints.id, { onDelete: 'set null' }),
    sourceKind: text('source_kind').$type<LearningSourceKind>().notNull(),
    sourceId: uuid('source_id').notNull(),
    level: text('level').$type<LearningLevel>().notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    serviceAreaId: uuid('service_area_id').references(() => serviceAreas.id),
    businessAreaId: uuid('business_area_id').references(() => businessAreas.id),
    learnt: text('learnt').notNull(),
    action: text('action').notNull(),
    ownerId: uuid('owner_id').notNull().references(() => staff.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').$type<LearningStatus>().notNull().default('open'),
    /** What shows the action was done (status done). */
    evidence: text('evidence'),
    /** Why it was not taken forward (status not_taken_forward). */
    notTakenForwardReason: text('not_taken_forward_reason'),
    /** National learning as the staff bulletin says it: written for all staff, naming nobody. */
    bulletinWording: text('bulletin_wording'),
    publishedAt: at('published_at'),
    publishedBy: uuid('published_by').references(() => staff.id),
    raisedBy: uuid('raised_by').notNull().references(() => staff.id),
    raisedAt: at('raised_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('learning_points_level_due_idx').on(t.level, t.dueOn),
    index('learning_points_business_area_idx').on(t.businessAreaId, t.level, t.dueOn),
    index('learning_points_service_area_idx').on(t.serviceAreaId, t.level, t.dueOn),
    index('learning_points_team_idx').on(t.teamId, t.level, t.dueOn),
    index('learning_points_owner_idx').on(t.ownerId),
    index('learning_points_complaint_idx').on(t.complaintId),
    // The quarterly report: the learning raised in a quarter.
    index('learning_points_raised_idx').on(t.raisedAt),
    index('learning_points_published_idx').on(t.publishedAt).where(sql`${t.publishedAt} is not null`),
    // Each level names exactly its area and the areas above it; national learning names none.
    check(
      'learning_points_level_area',
      sql`(${t.level} = 'team' and ${t.teamId} is not null and ${t.serviceAreaId} is not null and ${t.businessAreaId} is not null)
       or (${t.level} = 'service_area' and ${t.teamId} is null and ${t.serviceAreaId} is not null and ${t.businessAreaId} is not null)
       or (${t.level} = 'business_area' and ${t.teamId} is null and ${t.serviceAreaId} is null and ${t.businessAreaId} is not null)
       or (${t.level} = 'national' and ${t.teamId} is null and ${t.serviceAreaId} is null and ${t.businessAreaId} is null)`,
    ),
    check('learning_points_status', sql`${t.status} in ('open', 'in_progress', 'done', 'not_taken_forward')`),
    check('learning_points_source_kind', sql`${t.sourceKind} in ('complaint', 'management_review', 'ombudsman_referral', 'ombudsman_recommendation')`),
    check('learning_points_done_with_evidence', sql`${t.status} <> 'done' or ${t.evidence} is not null`),
    check('learning_points_not_taken_forward_with_reason', sql`${t.status} <> 'not_taken_forward' or ${t.notTakenForwardReason} is not null`),
    check('learning_points_published_national', sql`${t.publishedAt} is null or (${t.level} = 'national' and ${t.bulletinWording} is not null)`),
  ],
);

/** Each change of a learning point's status, in order: who, when, from what to what, and what they said. */
export const learningPointUpdates = pgTable(
  'learning_point_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    learningPointId: uuid('learning_point_id').notNull().references(() => learningPoints.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<LearningStatus>().notNull(),
    toStatus: text('to_status').$type<LearningStatus>().notNull(),
    note: text('note'),
    staffId: uuid('staff_id').notNull().references(() => staff.id),
    at: at('at').notNull(),
  },
  (t) => [index('learning_point_updates_point_idx').on(t.learningPointId, t.at)],
);

export const ombudsmanReferrals = pgTable(
  'ombudsman_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    ombudsman: text('ombudsman').$type<Ombudsman>().notNull(),
    referredOn: date('referred_on', { mode: 'string' }).notNull(),
    theirReference: text('their_reference'),
    finding: text('finding').$type<OmbudsmanFinding>(),
    findingOn: date('finding_on', { mode: 'string' }),
    /** What the Ombudsman recommended, in their words; each recommendation to act on is a row of its own. */
    recommendations: text('recommendations'),
    createdAt: createdAt(),
    // Copies of the complaint's areas, kept by the database's triggers (migration 0023), never
    // written here: the quarterly report of an area counts these rows without reading complaints.
    businessAreaId: uuid('business_area_id'),
    serviceAreaId: uuid('service_area_id'),
  },
  (t) => [
    index('ombudsman_referrals_complaint_idx').on(t.complaintId),
    // A service area's report: its referrals made, and findings received, in a quarter.
    index('ombudsman_referrals_area_idx').on(t.serviceAreaId, t.referredOn),
  ],
);

/** Each enquiry the Ombudsman makes of us on a referral: when it came, its deadline, and our reply. */
export const ombudsmanEnquiries = pgTable(
  'ombudsman_enquiries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id').notNull().references(() => ombudsmanReferrals.id, { onDelete: 'cascade' }),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** What they asked, in short. */
    summary: text('summary'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** The day our reply went, and what we sent. */
    repliedOn: date('replied_on', { mode: 'string' }),
    reply: text('reply'),
    createdAt: createdAt(),
  },
  (t) => [
    index('ombudsman_enquiries_referral_idx').on(t.referralId, t.dueOn),
    // The daily warning's replies still owed, by deadline.
    index('ombudsman_enquiries_owed_idx').on(t.dueOn).where(sql`${t.repliedOn} is null`),
  ],
);

/** What the Ombudsman recommended we do, each with its owner, due date and the evidence it was done. */
export const ombudsmanRecommendations = pgTable(
  'ombudsman_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id').notNull().references(() => ombudsmanReferrals.id, { onDelete: 'cascade' }),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    action: text('action').notNull(),
    owner: text('owner').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    evidence: text('evidence'),
    createdAt: createdAt(),
  },
  (t) => [index('ombudsman_recommendations_referral_idx').on(t.referralId, t.position)],
);

/** After closure the complainant is asked once how the handling felt. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').notNull().unique().references(() => complaints.id, { onDelete: 'cascade' }),
    invitedAt: at('invited_at').notNull(),
    answeredAt: at('answered_at'),
    answers: jsonb('answers').$type<Record<string, string | number>>(),
    // Copies of the complaint's areas, kept by the database's triggers (migration 0023), never
    // written here: the quarterly report of an area counts these rows without reading complaints.
    businessAreaId: uuid('business_area_id'),
    serviceAreaId: uuid('service_area_id'),
  },
  // The quarterly report: the surveys sent, and answered, in a quarter.
  (t) => [
    // The quarterly report: the surveys sent, and answered, in a quarter, the organisation's or an area's.
    index('survey_responses_invited_idx').on(t.invitedAt),
    index('survey_responses_answered_idx').on(t.answeredAt),
    index('survey_responses_area_invited_idx').on(t.serviceAreaId, t.invitedAt),
    index('survey_responses_area_answered_idx').on(t.serviceAreaId, t.answeredAt),
  ],
);
