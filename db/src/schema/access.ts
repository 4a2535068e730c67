import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt } from './columns';
import { complaints } from './complaints';
import { bytea, staff } from './organisation';

/** Staff sessions: the id is the SHA-256 of the token in the cookie; the token itself is never stored. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    staffId: uuid('staff_id').notNull().references(() => staff.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastActiveAt: at('last_active_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    secondFactorVerified: boolean('second_factor_verified').notNull().default(false),
    reauthenticatedAt: at('reauthenticated_at'),
    /**
     * New recovery codes waiting to be shown to this browser once, sealed like second-factor keys;
     * cleared when the person says they have kept them, and gone with the session.
     */
    recoveryCodesToShow: bytea('recovery_codes_to_show'),
  },
  (t) => [index('staff_sessions_staff_idx').on(t.staffId)],
);

/**
 * Single-use recovery codes, for a member of staff who has lost their authenticator app: the
 * SHA-256 of each (the codes carry 60 random bits, so a fast hash is enough), and when it was used.
 * A new set replaces the old; a second factor reset by an administrator removes them.
 */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    staffId: uuid('staff_id').notNull().references(() => staff.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    usedAt: at('used_at'),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.codeHash] })],
);

/** A secret printed on a postal acknowledgement, accepted with the reference by the tracking page. */
export const trackingCodes = pgTable(
  'tracking_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('tracking_codes_complaint_idx').on(t.complaintId)],
);

/**
 * One attempt to open a tracking page: the reference as typed (normalised), the complaint it names
 * (null when it names none, so an unknown reference is handled exactly like a known one), and the
 * hash of the 6-digit code sent by email (a hash of nothing useful when no email was sent). The
 * browser holds a random token whose SHA-256 is `token_hash`. 10 minutes, single use, 5 tries.
 */
export const trackingChallenges = pgTable(
  'tracking_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').references(() => complaints.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').unique(),
    reference: text('reference').notNull().default(''),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: at('consumed_at'),
  },
  (t) => [index('tracking_challenges_complaint_idx').on(t.complaintId)],
);

/** Fixed-window counters shared by every instance: sign-in throttling and public form limits. */
export const rateLimits = pgTable('rate_limits', {
  bucket: text('bucket').primaryKey(),
  windowStartedAt: at('window_started_at').notNull(),
  hits: integer('hits').notNull().default(0),
});

/** Answers held between the pages of a public form, tied to a cookie (the id is its hash). */
export const formDrafts = pgTable(
  'form_drafts',
  {
    id: text('id').primaryKey(),
    flow: text('flow').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    complaintId: uuid('complaint_id').references(() => complaints.id, { onDelete: 'set null' }),
  },
  (t) => [index('form_drafts_expiry_idx').on(t.expiresAt)],
);

/**
 * A complainant's tracking session, opened by a code: the id is the SHA-256 of the token in the
 * browser's cookie (scoped to /track, gone when the browser closes). It sees one complaint only.
 */
export const trackingSessions = pgTable(
  'tracking_sessions',
  {
    id: text('id').primaryKey(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastActiveAt: at('last_active_at').notNull().defaultNow(),
    endedAt: at('ended_at'),
  },
  (t) => [index('tracking_sessions_complaint_idx').on(t.complaintId)],
);

/**
 * Each form that makes a move carries a random key; the first submission with that key makes the
 * move and the key is kept here with what it made, so a repeat (a double click, a resent form)
 * finds the same result instead of making the move twice.
 */
export const moveSubmissions = pgTable('move_submissions', {
  key: text('key').primaryKey(),
  complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
  move: text('move').notNull(),
  result: jsonb('result').$type<unknown>(),
  createdAt: createdAt(),
});
