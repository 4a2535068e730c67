import type {
  Audience,
  Channel,
  ComplainantRole,
  ComplaintState,
  ContactMethod,
  FeedbackKind,
  Language,
  LetterKind,
  LetterState,
  Stage,
  SupportNeed,
  TriageOutcome,
} from '@complaints/domain';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import {
  attachments,
  businessAreas,
  complainants,
  complaintEvents,
  complaintPoints,
  complaints,
  complaintStages,
  letters,
  pointAnswers,
  pointCategories,
  practitioners,
  serviceAreas,
  staff,
  staffContacts,
  teams,
} from '../schema/index';

/**
 * Everything a complaint's page shows, read in a few queries and returned as plain objects; and
 * the few facts access rules need about a complaint before anything else is read.
 */

export type ComplaintAccessFacts = {
  id: string;
  reference: string;
  kind: FeedbackKind;
  state: ComplaintState;
  stage: Stage;
  audience: Audience;
  language: Language;
  businessAreaId: string | null;
  serviceAreaId: string | null;
  teamId: string | null;
  practitionerId: string | null;
  responderId: string | null;
  csqManagerId: string | null;
  /** Everyone who has been its responder, at any stage. */
  pastResponderIds: string[];
  /** Whoever answered stage 1: its responder, and anyone who answered a point at stage 1. */
  stageOneResponderIds: string[];
};

/** What the access rules and the use cases need to know of a complaint, or null when there is none. */
export async function findComplaintAccessFacts(db: Executor, complaintId: string): Promise<ComplaintAccessFacts | null> {
  const [row] = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      kind: complaints.kind,
      state: complaints.state,
      stage: complaints.stage,
      audience: complaints.audience,
      language: complaints.language,
      businessAreaId: complaints.businessAreaId,
      serviceAreaId: complaints.serviceAreaId,
      teamId: complaints.teamId,
      practitionerId: complaints.practitionerId,
      responderId: complaints.responderId,
      csqManagerId: complaints.csqManagerId,
    })
    .from(complaints)
    .where(eq(complaints.id, complaintId))
    .limit(1);
  if (!row) return null;
  const [stageRows, assignedRows, answerRows] = await Promise.all([
    db
      .select({ stage: complaintStages.stage, responderId: complaintStages.responderId })
      .from(complaintStages)
      .where(and(eq(complaintStages.complaintId, complaintId), isNotNull(complaintStages.responderId))),
    db
      .select({ stage: complaintEvents.stage, responderId: sql<string | null>`${complaintEvents.payload} ->> 'responderId'` })
      .from(complaintEvents)
      .where(and(eq(complaintEvents.complaintId, complaintId), eq(complaintEvents.type, 'responder.assigned'))),
    db
      .select({ answeredBy: pointAnswers.answeredBy })
      .from(pointAnswers)
      .innerJoin(complaintPoints, eq(complaintPoints.id, pointAnswers.pointId))
      .where(and(eq(complaintPoints.complaintId, complaintId), eq(pointAnswers.stage, 1), isNotNull(pointAnswers.answeredBy))),
  ]);
  const past = new Set<string>();
  for (const r of stageRows) if (r.responderId) past.add(r.responderId);
  for (const r of assignedRows) if (r.responderId) past.add(r.responderId);
  const stageOne = new Set<string>();
  for (const r of stageRows) if (r.stage === 1 && r.responderId) stageOne.add(r.responderId);
  for (const r of answerRows) if (r.answeredBy) stageOne.add(r.answeredBy);
  return { ...row, pastResponderIds: [...past], stageOneResponderIds: [...stageOne] };
}

// Through staff_contacts: the complainant's tracking page reads these too.
const responder = alias(staffContacts, 'responder');
const csqManager = alias(staffContacts, 'csq_manager');

export type CaseSummary = {
  id: string;
  reference: string;
  kind: FeedbackKind;
  channel: Channel;
  audience: Audience;
  language: Language;
  receivedAt: Date;
  receivedOn: string;
  stage: Stage;
  state: ComplaintState;
  currentDueOn: string | null;
  courtCaseNumber: string | null;
  areaGiven: string | null;
  practitionerNameGiven: string | null;
  desiredOutcome: string | null;
  businessAreaNameEn: string | null;
  businessAreaNameCy: string | null;
  /** The business area's complaints inbox. */
  businessAreaEmail: string | null;
  serviceAreaNameEn: string | null;
  serviceAreaNameCy: string | null;
  nation: 'england' | 'wales' | null;
  teamNameEn: string | null;
  teamNameCy: string | null;
  practitionerName: string | null;
  responderId: string | null;
  responderName: string | null;
  csqManagerId: string | null;
  csqManagerName: string | null;
  loggedAt: Date | null;
  assignedAt: Date | null;
  acknowledgedAt: Date | null;
  pausedSince: Date | null;
};

export type CaseComplainant = {
  role: ComplainantRole;
  fullName: string;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  postcode: string | null;
  preferredContact: ContactMethod;
  safeToLeaveVoicemail: boolean | null;
  safeToSendPost: boolean | null;
  safeCallTimes: string | null;
  language: Language;
  supportNeeds: SupportNeed[];
  supportNeedsOther: string | null;
  onBehalfOfName: string | null;
  onBehalfOfRelationship: string | null;
  onBehalfOfConsent: 'given' | 'not_given' | 'not_able' | null;
  anonymisedAt: Date | null;
};

/** The complainant's columns as the case page (and the page that corrects them) reads them. */
export const caseComplainantColumns = {
  role: complainants.role,
  fullName: complainants.fullName,
  email: complainants.email,
  phone: complainants.phone,
  postalAddress: complainants.postalAddress,
  postcode: complainants.postcode,
  preferredContact: complainants.preferredContact,
  safeToLeaveVoicemail: complainants.safeToLeaveVoicemail,
  safeToSendPost: complainants.safeToSendPost,
  safeCallTimes: complainants.safeCallTimes,
  language: complainants.language,
  supportNeeds: complainants.supportNeeds,
  supportNeedsOther: complainants.supportNeedsOther,
  onBehalfOfName: complainants.onBehalfOfName,
  onBehalfOfRelationship: complainants.onBehalfOfRelationship,
  onBehalfOfConsent: complainants.onBehalfOfConsent,
  anonymisedAt: complainants.anonymisedAt,
};

export type CasePoint = {
  id: string;
  position: number;
  text: string;
  happenedOn: string | null;
  raisedAtStage: Stage;
  categoryKey: string | null;
  categoryLabelEn: string | null;
  categoryLabelCy: string | null;
  triage: TriageOutcome | null;
  triageReason: string | null;
  courtRoute: string | null;
  /** The practitioner the point is about, as triage recorded. */
  practitionerId: string | null;
  practitionerName: string | null;
  triagedByName: string | null;
  triagedAt: Date | null;
};

export type CaseStage = {
  stage: Stage;
  startedOn: string;
  acknowledgeDueOn: string;
  passToManagerDueOn: string;
  responseDueOn: string;
  originalResponseDueOn: string;
  extendedAt: Date | null;
  assignedAt: Date | null;
  acknowledgedAt: Date | null;
  responseSentAt: Date | null;
};

export type CaseLetter = {
  id: string;
  stage: Stage;
  kind: LetterKind;
  state: LetterState;
  subject: string;
  delivery: 'email' | 'post';
  language: Language;
  audience: Audience;
  createdAt: Date;
  sentAt: Date | null;
};

export type CaseAttachment = { id: string; originalName: string; contentType: string; sizeBytes: number; createdAt: Date };

export type CaseEvent = {
  sequence: number;
  type: string;
  stage: Stage;
  actorType: 'complainant' | 'staff' | 'system';
  actorName: string | null;
  occurredAt: Date;
  visibility: 'public' | 'internal';
  reason: string | null;
  payload: Record<string, unknown>;
};

export type CaseView = {
  summary: CaseSummary;
  complainant: CaseComplainant | null;
  points: CasePoint[];
  stages: CaseStage[];
  letters: CaseLetter[];
  attachments: CaseAttachment[];
  events: CaseEvent[];
};

export async function findCaseSummary(db: Executor, complaintId: string): Promise<CaseSummary | null> {
  const [row] = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      kind: complaints.kind,
      channel: complaints.channel,
      audience: complaints.audience,
      language: complaints.language,
      receivedAt: complaints.receivedAt,
      receivedOn: complaints.receivedOn,
      stage: complaints.stage,
      state: complaints.state,
      currentDueOn: complaints.currentDueOn,
      courtCaseNumber: complaints.courtCaseNumber,
      areaGiven: complaints.areaGiven,
      practitionerNameGiven: complaints.practitionerNameGiven,
      desiredOutcome: complaints.desiredOutcome,
      businessAreaNameEn: businessAreas.nameEn,
      businessAreaNameCy: businessAreas.nameCy,
      businessAreaEmail: businessAreas.email,
      serviceAreaNameEn: serviceAreas.nameEn,
      serviceAreaNameCy: serviceAreas.nameCy,
      nation: serviceAreas.nation,
      teamNameEn: teams.nameEn,
      teamNameCy: teams.nameCy,
      practitionerName: practitioners.fullName,
      responderId: complaints.responderId,
      responderName: responder.fullName,
      csqManagerId: complaints.csqManagerId,
      csqManagerName: csqManager.fullName,
      loggedAt: complaints.loggedAt,
      assignedAt: complaints.assignedAt,
      acknowledgedAt: complaints.acknowledgedAt,
      pausedSince: complaints.pausedSince,
    })
    .from(complaints)
    .leftJoin(businessAreas, eq(businessAreas.id, complaints.businessAreaId))
    .leftJoin(serviceAreas, eq(serviceAreas.id, complaints.serviceAreaId))
    .leftJoin(teams, eq(teams.id, complaints.teamId))
    .leftJoin(practitioners, eq(practitioners.id, complaints.practitionerId))
    .leftJoin(responder, eq(responder.id, complaints.responderId))
    .leftJoin(csqManager, eq(csqManager.id, complaints.csqManagerId))
    .where(eq(complaints.id, complaintId))
    .limit(1);
  return row ?? null;
}

export async function findCaseComplainant(db: Executor, complaintId: string): Promise<CaseComplainant | null> {
  const [row] = await db.select(caseComplainantColumns).from(complainants).where(eq(complainants.complaintId, complaintId)).limit(1);
  return row ?? null;
}

const triager = alias(staff, 'triager');
const pointPractitioner = alias(practitioners, 'point_practitioner');

export async function listCasePoints(db: Executor, complaintId: string): Promise<CasePoint[]> {
  return db
    .select({
      id: complaintPoints.id,
      position: complaintPoints.position,
      text: complaintPoints.text,
      happenedOn: complaintPoints.happenedOn,
      raisedAtStage: complaintPoints.raisedAtStage,
      categoryKey: complaintPoints.categoryKey,
      categoryLabelEn: pointCategories.labelEn,
      categoryLabelCy: pointCategories.labelCy,
      triage: complaintPoints.triage,
      triageReason: complaintPoints.triageReason,
      courtRoute: complaintPoints.courtRoute,
      practitionerId: complaintPoints.practitionerId,
      practitionerName: pointPractitioner.fullName,
      triagedByName: triager.fullName,
      triagedAt: complaintPoints.triagedAt,
    })
    .from(complaintPoints)
    .leftJoin(pointCategories, eq(pointCategories.key, complaintPoints.categoryKey))
    .leftJoin(triager, eq(triager.id, complaintPoints.triagedBy))
    .leftJoin(pointPractitioner, eq(pointPractitioner.id, complaintPoints.practitionerId))
    .where(eq(complaintPoints.complaintId, complaintId))
    .orderBy(asc(complaintPoints.position));
}

export async function listCaseStages(db: Executor, complaintId: string): Promise<CaseStage[]> {
  return db
    .select({
      stage: complaintStages.stage,
      startedOn: complaintStages.startedOn,
      acknowledgeDueOn: complaintStages.acknowledgeDueOn,
      passToManagerDueOn: complaintStages.passToManagerDueOn,
      responseDueOn: complaintStages.responseDueOn,
      originalResponseDueOn: complaintStages.originalResponseDueOn,
      extendedAt: complaintStages.extendedAt,
      assignedAt: complaintStages.assignedAt,
      acknowledgedAt: complaintStages.acknowledgedAt,
      responseSentAt: complaintStages.responseSentAt,
    })
    .from(complaintStages)
    .where(eq(complaintStages.complaintId, complaintId))
    .orderBy(asc(complaintStages.stage));
}

const caseAttachmentColumns = {
  id: attachments.id,
  originalName: attachments.originalName,
  contentType: attachments.contentType,
  sizeBytes: attachments.sizeBytes,
  createdAt: attachments.createdAt,
};

export async function listCaseAttachments(db: Executor, complaintId: string): Promise<CaseAttachment[]> {
  return db
    .select(caseAttachmentColumns)
    .from(attachments)
    .where(eq(attachments.complaintId, complaintId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/** An attachment of this complaint (never of another), with where its bytes are kept. */
export async function findCaseAttachment(
  db: Executor,
  complaintId: string,
  attachmentId: string,
): Promise<(CaseAttachment & { storageKey: string }) | null> {
  const [row] = await db
    .select({ ...caseAttachmentColumns, storageKey: attachments.storageKey })
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.complaintId, complaintId)))
    .limit(1);
  return row ?? null;
}

const actor = alias(staffContacts, 'actor');

export async function listCaseEvents(db: Executor, complaintId: string): Promise<CaseEvent[]> {
  const rows = await db
    .select({
      sequence: complaintEvents.sequence,
      type: complaintEvents.type,
      stage: complaintEvents.stage,
      actorType: complaintEvents.actorType,
      actorName: actor.fullName,
      occurredAt: complaintEvents.occurredAt,
      visibility: complaintEvents.visibility,
      reason: complaintEvents.reason,
      payload: complaintEvents.payload,
    })
    .from(complaintEvents)
    .leftJoin(actor, eq(actor.id, complaintEvents.actorStaffId))
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(desc(complaintEvents.sequence));
  return rows as CaseEvent[];
}

/** Names of staff mentioned by id in event payloads (who was assigned), for the timeline. */
export async function staffNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: staff.id, fullName: staff.fullName }).from(staff).where(inArray(staff.id, unique));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

export async function listCaseLetters(db: Executor, complaintId: string): Promise<CaseLetter[]> {
  return db
    .select({
      id: letters.id,
      stage: letters.stage,
      kind: letters.kind,
      state: letters.state,
      subject: letters.subject,
      delivery: letters.delivery,
      language: letters.language,
      audience: letters.audience,
      createdAt: letters.createdAt,
      sentAt: letters.sentAt,
    })
    .from(letters)
    .where(eq(letters.complaintId, complaintId))
    .orderBy(desc(letters.createdAt), desc(letters.id));
}

/** The whole case, or null when there is no such complaint. */
export async function loadCaseView(db: Executor, complaintId: string): Promise<CaseView | null> {
  const summary = await findCaseSummary(db, complaintId);
  if (!summary) return null;
  const [complainant, points, stages, caseLetters, caseAttachments, events] = await Promise.all([
    findCaseComplainant(db, complaintId),
    listCasePoints(db, complaintId),
    listCaseStages(db, complaintId),
    listCaseLetters(db, complaintId),
    listCaseAttachments(db, complaintId),
    listCaseEvents(db, complaintId),
  ]);
  return { summary, complainant, points, stages, letters: caseLetters, attachments: caseAttachments, events };
}
