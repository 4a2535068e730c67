import type { Audience, Language, LetterKind, LetterState, Stage } from '@complaints/domain';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { complaints } from './complaints';
import { staff } from './organisation';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true });

/** Letter templates are versioned: a letter records the version it was made from. */
export const letterTemplates = pgTable(
  'letter_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<LetterKind>().notNull(),
    audience: text('audience').$type<Audience>().notNull(),
    language: text('language').$type<Language>().notNull(),
    version: integer('version').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('letter_templates_version_unique').on(t.kind, t.audience, t.language, t.version)],
);

export const letters = pgTable(
  'letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    stage: smallint('stage').$type<Stage>().notNull(),
    kind: text('kind').$type<LetterKind>().notNull(),
    templateId: uuid('template_id').references(() => letterTemplates.id),
    audience: text('audience').$type<Audience>().notNull(),
    language: text('language').$type<Language>().notNull(),
    state: text('state').$type<LetterState>().notNull().default('draft'),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    pdfStorageKey: text('pdf_storage_key'),
    /**
     * The letter exactly as written (its document blocks), so its PDF can be rendered again
     * identically whenever it is downloaded or printed, without keeping the bytes.
     */
    document: jsonb('document').$type<Record<string, unknown>>(),
    delivery: text('delivery').$type<'email' | 'post'>().notNull(),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
    approvedBy: uuid('approved_by').references(() => staff.id),
    approvedAt: at('approved_at'),
    sentAt: at('sent_at'),
  },
  (t) => [index('letters_complaint_idx').on(t.complaintId)],
);

/**
 * Messages to send, written in the same transaction as the change that causes them and delivered
 * at least once by the worker, with retries and backoff.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdAt: createdAt(),
    complaintId: uuid('complaint_id').references(() => complaints.id, { onDelete: 'cascade' }),
    letterId: uuid('letter_id').references(() => letters.id, { onDelete: 'set null' }),
    channel: text('channel').$type<'email' | 'print'>().notNull(),
    /** Which message this is: the key of its wording. */
    template: text('template').notNull(),
    recipient: text('recipient'),
    language: text('language').$type<Language>().notNull(),
    audience: text('audience').$type<Audience>().notNull().default('adult'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').$type<'pending' | 'sent' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lockedUntil: at('locked_until'),
    lastError: text('last_error'),
    sentAt: at('sent_at'),
    /** A message that must go once only (a weekly reminder, say) carries a key. */
    dedupeKey: text('dedupe_key').unique(),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

export const qualityReviews = pgTable(
  'quality_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    letterId: uuid('letter_id').references(() => letters.id, { onDelete: 'set null' }),
    /** A letter before it goes, or the whole file at closure. */
    kind: text('kind').$type<'letter' | 'closure'>().notNull(),
    outcome: text('outcome').$type<'approved' | 'returned'>().notNull(),
    comments: text('comments'),
    checklist: jsonb('checklist').$type<Record<string, boolean>>().notNull().default({}),
    reviewerId: uuid('reviewer_id').notNull().references(() => staff.id),
    reviewedAt: at('reviewed_at').notNull().defaultNow(),
  },
  (t) => [index('quality_reviews_complaint_idx').on(t.complaintId)],
);
