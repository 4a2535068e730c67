import type { Stage } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at } from './columns';
import { complaints } from './complaints';
import type { HashKind } from '../history-seal';
import { staff } from './organisation';

/**
 * The complaint's history, append-only. Every change of state is written here by the service that
 * makes it, in the same transaction. Each row carries the hash of the one before it for the same
 * complaint, so a changed or removed row breaks the chain. A trigger refuses updates and deletes.
 */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id),
    sequence: integer('sequence').notNull(),
    type: text('type').notNull(),
    stage: smallint('stage').$type<Stage>().notNull(),
    actorType: text('actor_type').$type<'complainant' | 'staff' | 'system'>().notNull(),
    actorStaffId: uuid('actor_staff_id').references(() => staff.id),
    occurredAt: at('occurred_at').notNull(),
    /** Public events show on the complainant's tracking page; internal ones only to staff. */
    visibility: text('visibility').$type<'public' | 'internal'>().notNull(),
    reason: text('reason'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    previousHash: text('previous_hash'),
    hash: text('hash').notNull(),
    /** 'hmac-sha256' (signed with HISTORY_KEY); 'sha256' only for events written before the key. */
    hashKind: text('hash_kind').$type<HashKind>().notNull(),
  },
  (t) => [
    uniqueIndex('complaint_events_sequence_unique').on(t.complaintId, t.sequence),
    // Events of a kind over a period; with the complaint and stage, so the quarterly report counts
    // a quarter's closures from the index alone.
    index('complaint_events_type_idx').on(t.type, t.occurredAt, t.complaintId, t.stage),
    // The quarterly report: whether a complaint was closed or withdrawn, at which stage and when,
    // read from this index alone for each complaint that may be open at a quarter's end, whatever
    // else its history holds.
    index('complaint_events_closing_idx')
      .on(t.complaintId, t.stage, t.occurredAt)
      .where(sql`${t.type} in ('complaint.closed', 'complaint.withdrawn')`),
    // Who was ever assigned a complaint (and may have been replaced since), for what they may still see.
    index('complaint_events_assigned_responder_idx')
      .on(sql`(${t.payload} ->> 'responderId')`)
      .where(sql`${t.type} = 'responder.assigned'`),
  ],
);

/**
 * Who looked at or changed what, and when: never the content. Append-only like the events.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: at('occurred_at').notNull().defaultNow(),
    staffId: uuid('staff_id').references(() => staff.id),
    action: text('action').notNull(),
    complaintId: uuid('complaint_id').references(() => complaints.id),
    /** What else the action concerned, by id only: "staff:…", "letter:…", "report:…". */
    subject: text('subject'),
    requestId: text('request_id'),
    /** The chain the entry belongs to ('audit:staff:<id>' or 'audit:anonymous'), its place in it, and its signature. Empty on entries written before the chain. */
    chain: text('chain'),
    sequence: integer('sequence'),
    previousHash: text('previous_hash'),
    hash: text('hash'),
  },
  (t) => [
    uniqueIndex('audit_log_chain_sequence_unique').on(t.chain, t.sequence),
    index('audit_log_staff_idx').on(t.staffId, t.occurredAt),
    index('audit_log_complaint_idx').on(t.complaintId, t.occurredAt),
    index('audit_log_time_idx').on(t.occurredAt),
  ],
);

/**
 * Each chain's kept head: how many records it has and the newest one's signature, signed with
 * HISTORY_KEY. A trigger refuses deleting a head or making a chain shorter, so removing the newest
 * records of a history is found by the check.
 */
export const historyChains = pgTable('history_chains', {
  /** 'complaint:<id>', 'audit:staff:<id>' or 'audit:anonymous'. */
  chain: text('chain').primaryKey(),
  length: integer('length').notNull(),
  headHash: text('head_hash').notNull(),
  seal: text('seal').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/**
 * The one opening in the history's append-only triggers: while a row names the current transaction
 * and a complaint, that complaint's events may have their reasons cleared and be signed again, and
 * its kept head replaced at the same length. Only the owner may write it, and only the function
 * retention calls (`rewrite_expired_history`, migration 0020) does, removing its row before it returns.
 */
export const historyRewrites = pgTable('history_rewrites', {
  txid: bigint('txid', { mode: 'number' }).primaryKey(),
  complaintId: uuid('complaint_id').notNull(),
});
