import type { Ombudsman, OmbudsmanFinding, ReviewFramework } from '@complaints/domain';
import {
  boolean,
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
 * The quality framework used in a management review of a case, as data so the organisation can
 * change it: compliance items and the outcomes for the child, each graded.
 */
export const qualityFrameworkItems = pgTable('quality_framework_items', {
  key: text('key').primaryKey(),
  dimension: text('dimension').$type<'compliance' | 'outcome'>().notNull(),
  labelEn: text('label_en').notNull(),
  labelCy: text('label_cy').notNull(),
  descriptionEn: text('description_en').notNull(),
  descriptionCy: text('description_cy').notNull(),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

export const qualityGrades = pgTable('quality_grades', {
  key: text('key').primaryKey(),
  labelEn: text('label_en').notNull(),
  labelCy: text('label_cy').notNull(),
  position: integer('position').notNull().default(0),
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
    overallGrade: text('overall_grade').references(() => qualityGrades.key),
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
    /**
     * The day the Ombudsman wants our reply to their enquiry by. Asked for on every referral since
     * it was added; a referral recorded before then has none.
     */
    replyDueOn: date('reply_due_on', { mode: 'string' }),
    enquiries: jsonb('enquiries').$type<{ receivedOn: string; summary: string; answeredOn?: string }[]>().notNull().default([]),
    finding: text('finding').$type<OmbudsmanFinding>(),
    findingOn: date('finding_on', { mode: 'string' }),
    recommendations: text('recommendations'),
    createdAt: createdAt(),
  },
  (t) => [
    index('ombudsman_referrals_complaint_idx').on(t.complaintId),
    // The daily warning's open referrals whose reply is coming due: only those waiting for a finding.
    index('ombudsman_referrals_reply_due_idx').on(t.replyDueOn).where(sql`${t.finding} is null and ${t.replyDueOn} is not null`),
  ],
);

/** After closure the complainant is asked once how the handling felt. */
export const surveyResponses = pgTable('survey_responses', {
  id: uuid('id').primaryKey().defaultRandom(),
  complaintId: uuid('complaint_id').notNull().unique().references(() => complaints.id, { onDelete: 'cascade' }),
  invitedAt: at('invited_at').notNull(),
  answeredAt: at('answered_at'),
  answers: jsonb('answers').$type<Record<string, string | number>>(),
});
