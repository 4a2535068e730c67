import type { Audience, CaseNoteKind, CorrespondenceDirection, CorrespondenceMethod, Language, LetterKind, LetterState, QualityReviewOutcome, Stage } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt } from './columns';
import { attachments, complaints } from './complaints';
import { staff } from './organisation';

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
    /** Where a letter sent by email goes; the postal address is read from the complainant when printed. */
    recipient: text('recipient'),
    /** The words the writer added to the template's (an opening paragraph, a holding letter's news). */
    message: text('message'),
    /** The version the letter is at now; every earlier one is kept in letter_versions. */
    version: integer('version').notNull().default(1),
    versionMadeAt: at('version_made_at').notNull().defaultNow(),
    lastChangedBy: uuid('last_changed_by').references(() => staff.id),
    /** Passed quality assurance without a reviewer: an acknowledgement left as the template wrote it, where allowed. */
    approvedAutomatically: boolean('approved_automatically').notNull().default(false),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
    approvedBy: uuid('approved_by').references(() => staff.id),
    approvedAt: at('approved_at'),
    sentAt: at('sent_at'),
  },
  (t) => [
    index('letters_complaint_idx').on(t.complaintId),
    // The print queue's letters printed lately, newest first.
    index('letters_posted_printed_idx').on(t.sentAt).where(sql`${t.delivery} = 'post' and ${t.sentAt} is not null`),
  ],
);

/** Every version of every letter, as written: what quality assurance saw and what it compared. */
export const letterVersions = pgTable(
  'letter_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    letterId: uuid('letter_id').notNull().references(() => letters.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    templateId: uuid('template_id').references(() => letterTemplates.id),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    /** Null for a letter kept only as HTML, from before letters kept their document blocks. */
    document: jsonb('document').$type<Record<string, unknown>>(),
    message: text('message'),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('letter_versions_unique').on(t.letterId, t.version)],
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
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    // The print queue: the few letters waiting to be printed among every email ever sent.
    index('outbox_print_waiting_idx').on(t.createdAt).where(sql`${t.channel} = 'print' and ${t.status} = 'pending'`),
  ],
);

export const qualityReviews = pgTable(
  'quality_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    letterId: uuid('letter_id').references(() => letters.id, { onDelete: 'set null' }),
    /** A letter before it goes, or the whole file at closure. */
    kind: text('kind').$type<'letter' | 'closure'>().notNull(),
    /** The letter's version the review was of. */
    letterVersion: integer('letter_version'),
    stage: smallint('stage').$type<Stage>(),
    outcome: text('outcome').$type<QualityReviewOutcome>().notNull(),
    comments: text('comments'),
    /** For a closure check: each item, ticked or not, with the reviewer's note. */
    checklist: jsonb('checklist').$type<Record<string, { done: boolean; note: string }>>().notNull().default({}),
    reviewerId: uuid('reviewer_id').notNull().references(() => staff.id),
    reviewedAt: at('reviewed_at').notNull().defaultNow(),
  },
  (t) => [index('quality_reviews_complaint_idx').on(t.complaintId)],
);

/** Internal notes and evidence on a case: never shown to the complainant. */
export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<CaseNoteKind>().notNull(),
    text: text('text').notNull(),
    attachmentId: uuid('attachment_id').references(() => attachments.id, { onDelete: 'set null' }),
    authorId: uuid('author_id').notNull().references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('case_notes_complaint_idx').on(t.complaintId, t.createdAt)],
);

/** Letters, emails and calls in and out, as staff record them, with any scanned copy. */
export const correspondence = pgTable(
  'correspondence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    direction: text('direction').$type<CorrespondenceDirection>().notNull(),
    method: text('method').$type<CorrespondenceMethod>().notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    /** Information the complainant added to their complaint, rather than an ordinary exchange. */
    addsInformation: boolean('adds_information').notNull().default(false),
    attachmentId: uuid('attachment_id').references(() => attachments.id, { onDelete: 'set null' }),
    recordedBy: uuid('recorded_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('correspondence_complaint_idx').on(t.complaintId, t.occurredOn)],
);

/**
 * Corrections to the complainant's details after logging: which fields, the old and new values
 * (shown only to those who may see them) and why. The history records only which fields changed.
 */
export const complainantCorrections = pgTable(
  'complainant_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    changes: jsonb('changes').$type<Array<{ field: string; from: string | null; to: string | null }>>().notNull(),
    reason: text('reason').notNull(),
    correctedBy: uuid('corrected_by').notNull().references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('complainant_corrections_complaint_idx').on(t.complaintId)],
);
