import type { Ombudsman, OmbudsmanFinding, QualityFrameworkItem, QualityGrade, ReviewFramework } from '@complaints/domain';
import {
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
  },
  (t) => [index('management_reviews_complaint_idx').on(t.complaintId)],
);

/** Learning from complaints, collated for teams, service areas, business areas and nationally. */
export const learningPoints = pgTable(
  'learning_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').references(() => complaints.id, { onDelete: 'set null' }),
    pointId: uuid('point_id').references(() => complaintPoints.id, { onDelete: 'set null' }),
    level: text('level').$type<'team' | 'service_area' | 'business_area' | 'national'>().notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    serviceAreaId: uuid('service_area_id').references(() => serviceAreas.id),
    businessAreaId: uuid('business_area_id').references(() => businessAreas.id),
    text: text('text').notNull(),
    actionToTake: text('action_to_take'),
    source: text('source').$type<'complaint' | 'ombudsman' | 'survey' | 'other'>().notNull().default('complaint'),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('learning_points_area_idx').on(t.businessAreaId, t.createdAt)],
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
  },
  (t) => [index('ombudsman_referrals_complaint_idx').on(t.complaintId)],
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
export const surveyResponses = pgTable('survey_responses', {
  id: uuid('id').primaryKey().defaultRandom(),
  complaintId: uuid('complaint_id').notNull().unique().references(() => complaints.id, { onDelete: 'cascade' }),
  invitedAt: at('invited_at').notNull(),
  answeredAt: at('answered_at'),
  answers: jsonb('answers').$type<Record<string, string | number>>(),
});
