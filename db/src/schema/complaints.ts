import {
  type Audience,
  type Channel,
  type ComplainantRole,
  type ComplaintState,
  type ContactMethod,
  type FeedbackKind,
  type Language,
  type PointDecision,
  RESPONSE_OWED_STATES,
  SEARCH_SQL,
  type Stage,
  type SupportNeed,
  type TriageOutcome,
} from '@complaints/domain';
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
import { businessAreas, practitioners, serviceAreas, staff, teams } from './organisation';

/** Point categories are data so the organisation can add to the list; the keys are counted in reports. */
export const pointCategories = pgTable('point_categories', {
  key: text('key').primaryKey(),
  labelEn: text('label_en').notNull(),
  labelCy: text('label_cy').notNull(),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    kind: text('kind').$type<FeedbackKind>().notNull().default('complaint'),
    channel: text('channel').$type<Channel>().notNull(),
    audience: text('audience').$type<Audience>().notNull().default('adult'),
    language: text('language').$type<Language>().notNull().default('en'),
    /** The moment it reached us; its date in London starts the clock. */
    receivedAt: at('received_at').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    stage: smallint('stage').$type<Stage>().notNull().default(1),
    state: text('state').$type<ComplaintState>().notNull(),
    /** Null until the complaint is routed: a complainant may not know which area their case is in. */
    businessAreaId: uuid('business_area_id').references(() => businessAreas.id),
    serviceAreaId: uuid('service_area_id').references(() => serviceAreas.id),
    teamId: uuid('team_id').references(() => teams.id),
    practitionerId: uuid('practitioner_id').references(() => practitioners.id),
    /** What the complainant told us, kept as they wrote it. */
    practitionerNameGiven: text('practitioner_name_given'),
    areaGiven: text('area_given'),
    courtCaseNumber: text('court_case_number'),
    /** The court case number as search reads it (`searchableCourtCaseNumber` in the domain), kept by the database. */
    searchCourtCaseNumber: text('search_court_case_number').generatedAlwaysAs(sql.raw(SEARCH_SQL.courtCaseNumber('court_case_number'))),
    desiredOutcome: text('desired_outcome'),
    responderId: uuid('responder_id').references(() => staff.id),
    csqManagerId: uuid('csq_manager_id').references(() => staff.id),
    /** The next date something is owed (acknowledgement or response); null when nothing is. */
    currentDueOn: date('current_due_on', { mode: 'string' }),
    loggedAt: at('logged_at'),
    assignedAt: at('assigned_at'),
    acknowledgedAt: at('acknowledged_at'),
    responseSentAt: at('response_sent_at'),
    closedAt: at('closed_at'),
    withdrawnAt: at('withdrawn_at'),
    /** Set while we wait on the complainant for something we asked for. */
    pausedSince: at('paused_since'),
    /**
     * When the complaint stopped being open: the earlier of its closing and its withdrawal, or
     * infinity while it is open (a complaint opened again has its closing time cleared). Kept by
     * the database from the two, so the quarterly report finds the complaints still open when a
     * quarter began by an index, with what it reads of them, without reading the complaints.
     */
    openUntil: at('open_until').generatedAlwaysAs(sql`least(coalesce(closed_at, 'infinity'), coalesce(withdrawn_at, 'infinity'))`),
    /** The form instance key of an online submission: a repeated POST finds this row. */
    idempotencyKey: text('idempotency_key').unique(),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    /** Optimistic concurrency: each change bumps it and checks the value it read. */
    lockVersion: integer('lock_version').notNull().default(0),
  },
  (t) => [
    index('complaints_area_state_due_idx').on(t.businessAreaId, t.state, t.currentDueOn),
    index('complaints_responder_due_idx').on(t.responderId, t.currentDueOn),
    index('complaints_csq_manager_due_idx').on(t.csqManagerId, t.currentDueOn),
    // An area's complaints by the day they reached us; with their kind and team, so a service
    // area's report counts the complaints against each team from this index alone.
    index('complaints_service_area_idx').on(t.serviceAreaId, t.receivedOn, t.kind, t.teamId),
    index('complaints_due_idx').on(t.currentDueOn),
    // Complaints by the day they reached us; with their kind and team, so the quarterly report
    // counts the complaints against each team from this index alone.
    index('complaints_received_idx').on(t.receivedOn, t.kind, t.teamId),
    // Search by the start of a court case number.
    index('complaints_search_court_case_number_idx').on(sql`${t.searchCourtCaseNumber} text_pattern_ops`),
    // Queues count their rows by state and warning within a scope from these alone (index-only),
    // and page through one state at a time in due-date order (then by id, so pages never overlap)
    // when sorted by status.
    index('complaints_state_due_idx').on(t.state, t.currentDueOn, t.id),
    index('complaints_responder_state_due_idx').on(t.responderId, t.state, t.currentDueOn),
    index('complaints_csq_manager_state_due_idx').on(t.csqManagerId, t.state, t.currentDueOn),
    index('complaints_service_area_state_due_idx').on(t.serviceAreaId, t.state, t.currentDueOn),
    // The weekly reminder: complaints whose manager owes the response, clock running, by due date,
    // with every column the reminder reads, so it is answered from this index alone (an index-only
    // scan of the few due soon or late) however many complaints are closed or not yet due.
    index('complaints_reminder_due_idx')
      .on(t.currentDueOn, t.responderId, t.serviceAreaId, t.id, t.reference)
      .where(sql`${t.state} in (${sql.raw(RESPONSE_OWED_STATES.map((s) => `'${s}'`).join(', '))}) and ${t.pausedSince} is null`),
    // The quarterly report: the complaints still open when a quarter began, found without reading
    // every complaint ever closed, with what the report reads of them (kind, day received, stage,
    // channel, areas) from the index alone.
    index('complaints_open_until_idx').on(t.openUntil, t.kind, t.receivedOn, t.stage, t.id, t.channel, t.serviceAreaId, t.businessAreaId),
    // The same for a service area's report: only that area's complaints still open when a quarter
    // began, not every area's.
    index('complaints_service_area_report_idx').on(t.serviceAreaId, t.openUntil, t.kind, t.receivedOn, t.stage, t.id, t.channel),
  ],
);

/**
 * Each stage has its own clock. Stage 1 counts from receipt; stage 2 from the request for review.
 */
export const complaintStages = pgTable(
  'complaint_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    stage: smallint('stage').$type<Stage>().notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    acknowledgeDueOn: date('acknowledge_due_on', { mode: 'string' }).notNull(),
    passToManagerDueOn: date('pass_to_manager_due_on', { mode: 'string' }).notNull(),
    responseDueOn: date('response_due_on', { mode: 'string' }).notNull(),
    originalResponseDueOn: date('original_response_due_on', { mode: 'string' }).notNull(),
    extendedAt: at('extended_at'),
    extensionReason: text('extension_reason'),
    /** Working days the clock stood still while we waited on the complainant. */
    pausedWorkingDays: integer('paused_working_days').notNull().default(0),
    responderId: uuid('responder_id').references(() => staff.id),
    assignedAt: at('assigned_at'),
    acknowledgedAt: at('acknowledged_at'),
    responseSentAt: at('response_sent_at'),
    createdAt: createdAt(),
    // Copies of the complaint's kind, channel and areas, kept equal to the complaint's by the
    // database's own triggers (migration 0023) whenever either changes, never written here: the
    // quarterly report counts stages by them without reading a million complaints to find them.
    kind: text('kind').$type<FeedbackKind>(),
    channel: text('channel').$type<Channel>(),
    businessAreaId: uuid('business_area_id'),
    serviceAreaId: uuid('service_area_id'),
    teamId: uuid('team_id'),
  },
  (t) => [
    uniqueIndex('complaint_stages_unique').on(t.complaintId, t.stage),
    // What a manager answered at any stage, for what they may still see (search).
    index('complaint_stages_responder_idx').on(t.responderId),
    // The quarterly report: the stages started in a quarter (received, and the trends of what and
    // who is complained about) and those answered in it (answered, timescales, decisions).
    index('complaint_stages_started_idx').on(t.startedOn),
    index('complaint_stages_response_sent_idx').on(t.responseSentAt),
    // A service area's report: its stages started, and answered, in a quarter, each with every
    // column the report reads of them, so the area's stages are counted from the index alone.
    index('complaint_stages_area_started_idx').on(t.serviceAreaId, t.startedOn, t.kind, t.channel, t.stage, t.acknowledgedAt, t.assignedAt, t.passToManagerDueOn),
    index('complaint_stages_area_sent_idx').on(
      t.serviceAreaId,
      t.responseSentAt,
      t.kind,
      t.channel,
      t.stage,
      t.teamId,
      t.startedOn,
      t.responseDueOn,
      t.pausedWorkingDays,
      t.extendedAt,
    ),
  ],
);

/**
 * The complainant in one place, so retention can anonymise them in one update. The search columns
 * are generated by the database from the columns they read (the rules are the domain's
 * `SEARCH_SQL`), so a correction or an anonymisation changes them in the same update.
 */
export const complainants = pgTable('complainants', {
  id: uuid('id').primaryKey().defaultRandom(),
  complaintId: uuid('complaint_id')
    .notNull()
    .unique()
    .references(() => complaints.id, { onDelete: 'cascade' }),
  role: text('role').$type<ComplainantRole>().notNull(),
  fullName: text('full_name').notNull(),
  email: text('email'),
  phone: text('phone'),
  postalAddress: text('postal_address'),
  postcode: text('postcode'),
  preferredContact: text('preferred_contact').$type<ContactMethod>().notNull(),
  /** Safety: some complainants live with, or near, the person they fear. */
  safeToLeaveVoicemail: boolean('safe_to_leave_voicemail'),
  safeToSendPost: boolean('safe_to_send_post'),
  safeCallTimes: text('safe_call_times'),
  language: text('language').$type<Language>().notNull().default('en'),
  supportNeeds: jsonb('support_needs').$type<SupportNeed[]>().notNull().default([]),
  supportNeedsOther: text('support_needs_other'),
  /** When someone complains for a child or another person. */
  onBehalfOfName: text('on_behalf_of_name'),
  onBehalfOfRelationship: text('on_behalf_of_relationship'),
  onBehalfOfConsent: text('on_behalf_of_consent').$type<'given' | 'not_given' | 'not_able'>(),
  privacyAcceptedAt: at('privacy_accepted_at'),
  anonymisedAt: at('anonymised_at'),
  createdAt: createdAt(),
  /** The name lower case, without accents or punctuation, a space at each end (`searchableName`). */
  searchName: text('search_name').notNull().generatedAlwaysAs(sql.raw(SEARCH_SQL.name('full_name'))),
  searchEmail: text('search_email').generatedAlwaysAs(sql.raw(SEARCH_SQL.email('email'))),
  /** Digits only, a UK number from 0 (`searchablePhone`). */
  searchPhone: text('search_phone').generatedAlwaysAs(sql.raw(SEARCH_SQL.phone('phone'))),
}, (t) => [
  // Any part of a name, by trigrams (pg_trgm, in PostgreSQL's contrib and in PGlite).
  index('complainants_search_name_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
  index('complainants_search_email_idx').on(sql`${t.searchEmail} text_pattern_ops`),
  index('complainants_search_phone_idx').on(t.searchPhone),
]);

/** One row per point raised, in the complainant's order; each gets its own triage and answer. */
export const complaintPoints = pgTable(
  'complaint_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    happenedOn: date('happened_on', { mode: 'string' }),
    /** The stage at which the point was raised. */
    raisedAtStage: smallint('raised_at_stage').$type<Stage>().notNull().default(1),
    categoryKey: text('category_key').references(() => pointCategories.key),
    triage: text('triage').$type<TriageOutcome>(),
    triageReason: text('triage_reason'),
    /** For court matters: how the complainant can raise it with the court. */
    courtRoute: text('court_route'),
    /** The practitioner the point is about, when it is about one. */
    practitionerId: uuid('practitioner_id').references(() => practitioners.id),
    triagedBy: uuid('triaged_by').references(() => staff.id),
    triagedAt: at('triaged_at'),
    createdAt: createdAt(),
    // Copies kept by the database's triggers (migration 0023), never written here: the day the
    // stage the point was raised at started, and the complaint's kind and areas, so the quarterly
    // report's trends count points from an index alone.
    raisedOn: date('raised_on', { mode: 'string' }),
    kind: text('kind').$type<FeedbackKind>(),
    businessAreaId: uuid('business_area_id'),
    serviceAreaId: uuid('service_area_id'),
  },
  (t) => [
    uniqueIndex('complaint_points_position_unique').on(t.complaintId, t.position),
    index('complaint_points_category_idx').on(t.categoryKey),
    // The quarterly report's trends (points by category and by practitioner over four quarters),
    // for the organisation and for a service area, each answered from the index alone.
    index('complaint_points_report_idx').on(t.raisedOn, t.kind, t.categoryKey, t.practitionerId),
    index('complaint_points_area_report_idx').on(t.serviceAreaId, t.raisedOn, t.kind, t.categoryKey, t.practitionerId),
  ],
);

/** The answer to a point at a stage: a response cannot pass quality assurance without one per point. */
export const pointAnswers = pgTable(
  'point_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pointId: uuid('point_id').notNull().references(() => complaintPoints.id, { onDelete: 'cascade' }),
    stage: smallint('stage').$type<Stage>().notNull(),
    decision: text('decision').$type<PointDecision>().notNull(),
    reasons: text('reasons').notNull(),
    standardCited: text('standard_cited'),
    whatShouldHaveHappened: text('what_should_have_happened'),
    whatHappened: text('what_happened'),
    remedy: text('remedy'),
    answeredBy: uuid('answered_by').references(() => staff.id),
    /** When the answer was last written or changed: a response drafted before it is out of date. */
    answeredAt: at('answered_at').notNull().defaultNow(),
    // Copies kept by the database's triggers (migration 0023), never written here: when the
    // response of the answer's stage was sent, and its point's category and areas, so the
    // quarterly report counts the decisions of a quarter from an index alone.
    responseSentAt: at('response_sent_at'),
    categoryKey: text('category_key'),
    businessAreaId: uuid('business_area_id'),
    serviceAreaId: uuid('service_area_id'),
  },
  (t) => [
    uniqueIndex('point_answers_unique').on(t.pointId, t.stage),
    // The quarterly report's decisions, for the organisation and for a service area.
    index('point_answers_report_idx').on(t.responseSentAt, t.stage, t.categoryKey, t.decision),
    index('point_answers_area_report_idx').on(t.serviceAreaId, t.responseSentAt, t.stage, t.categoryKey, t.decision),
  ],
);

/** Actions promised in a response, with dates, followed up until done. */
export const complaintActions = pgTable(
  'complaint_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    pointId: uuid('point_id').references(() => complaintPoints.id, { onDelete: 'set null' }),
    stage: smallint('stage').$type<Stage>().notNull().default(1),
    description: text('description').notNull(),
    /** Who will do it, in the words of the letter ("the team manager"); the member of staff, when one is named. */
    ownerName: text('owner_name').notNull().default(''),
    ownerId: uuid('owner_id').references(() => staff.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneAt: at('done_at'),
    createdAt: createdAt(),
  },
  (t) => [index('complaint_actions_complaint_idx').on(t.complaintId)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').references(() => complaints.id, { onDelete: 'cascade' }),
    /** Uploaded during an online form, before the complaint exists. */
    draftId: text('draft_id'),
    storageKey: text('storage_key').notNull().unique(),
    originalName: text('original_name').notNull(),
    /** Judged from the bytes, never from the name or the browser. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedByStaffId: uuid('uploaded_by_staff_id').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_complaint_idx').on(t.complaintId), index('attachments_draft_idx').on(t.draftId)],
);

