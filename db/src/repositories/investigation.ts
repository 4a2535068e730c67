import type { CaseNoteKind, CorrespondenceDirection, CorrespondenceMethod, Stage } from '@complaints/domain';
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import { type CaseComplainant, caseComplainantColumns } from './case-view';
import { attachments, caseNotes, complainantCorrections, complainants, complaintPoints, correspondence, staff } from '../schema/index';

/**
 * The investigation record of a complaint: internal notes and evidence, the correspondence log,
 * corrections to the complainant's details, and files staff add to the case. Written in the
 * caller's transaction (the use case holds the complaint's lock and writes the event beside the
 * change); read back as plain objects for the case page.
 */

export type StaffFileRecord = {
  complaintId: string;
  storageKey: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** Who added it: a member of staff, or null for the complainant (from their tracking page). */
  staffId: string | null;
  now: Date;
};

/** A file added to a case after it was made: by staff (a scanned letter, evidence) or by the complainant. */
export async function insertStaffAttachment(tx: Executor, file: StaffFileRecord): Promise<string> {
  const [row] = await tx
    .insert(attachments)
    .values({
      complaintId: file.complaintId,
      storageKey: file.storageKey,
      originalName: file.originalName,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      uploadedByStaffId: file.staffId,
      createdAt: file.now,
    })
    .returning({ id: attachments.id });
  return row!.id;
}

export async function insertCaseNote(
  tx: Executor,
  note: { complaintId: string; kind: CaseNoteKind; text: string; attachmentId: string | null; authorId: string; now: Date },
): Promise<string> {
  const [row] = await tx
    .insert(caseNotes)
    .values({ complaintId: note.complaintId, kind: note.kind, text: note.text, attachmentId: note.attachmentId, authorId: note.authorId, createdAt: note.now })
    .returning({ id: caseNotes.id });
  return row!.id;
}

export async function insertCorrespondence(
  tx: Executor,
  entry: {
    complaintId: string;
    direction: CorrespondenceDirection;
    method: CorrespondenceMethod;
    occurredOn: string;
    summary: string;
    addsInformation: boolean;
    attachmentId: string | null;
    recordedBy: string | null;
    now: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(correspondence)
    .values({
      complaintId: entry.complaintId,
      direction: entry.direction,
      method: entry.method,
      occurredOn: entry.occurredOn,
      summary: entry.summary,
      addsInformation: entry.addsInformation,
      attachmentId: entry.attachmentId,
      recordedBy: entry.recordedBy,
      createdAt: entry.now,
    })
    .returning({ id: correspondence.id });
  return row!.id;
}

/** The complainant's details that staff may correct after logging, as they stand (as the case page reads them). */
export type CorrectableComplainant = CaseComplainant;

/** The complainant of a complaint, with what may be corrected; locked when read in a transaction that will change it. */
export async function findCorrectableComplainant(db: Executor, complaintId: string, options: { lock?: boolean } = {}): Promise<CorrectableComplainant | null> {
  const query = db.select(caseComplainantColumns).from(complainants).where(eq(complainants.complaintId, complaintId));
  const [row] = options.lock ? await query.for('update') : await query.limit(1);
  return row ?? null;
}

export type ComplainantDetailChanges = Partial<
  Pick<
    CorrectableComplainant,
    | 'fullName'
    | 'email'
    | 'phone'
    | 'postalAddress'
    | 'postcode'
    | 'preferredContact'
    | 'safeToLeaveVoicemail'
    | 'safeToSendPost'
    | 'safeCallTimes'
    | 'language'
    | 'supportNeeds'
    | 'supportNeedsOther'
  >
>;

/** Corrects the complainant's details and keeps the old and new values with the reason; returns the correction's id. */
export async function recordComplainantCorrection(
  tx: Executor,
  correction: {
    complaintId: string;
    details: ComplainantDetailChanges;
    changes: Array<{ field: string; from: string | null; to: string | null }>;
    reason: string;
    staffId: string;
    now: Date;
  },
): Promise<string> {
  await tx.update(complainants).set(correction.details).where(eq(complainants.complaintId, correction.complaintId));
  const [row] = await tx
    .insert(complainantCorrections)
    .values({ complaintId: correction.complaintId, changes: correction.changes, reason: correction.reason, correctedBy: correction.staffId, createdAt: correction.now })
    .returning({ id: complainantCorrections.id });
  return row!.id;
}

/**
 * New points of a complaint, numbered on after the existing ones, raised at the given stage and not
 * yet triaged. The caller holds the complaint's lock, so nobody else numbers points meanwhile.
 */
export async function appendComplaintPoints(tx: Executor, complaintId: string, stage: Stage, texts: readonly string[], now: Date): Promise<string[]> {
  if (texts.length === 0) return [];
  const [last] = await tx
    .select({ position: sql<number>`coalesce(max(${complaintPoints.position}), 0)::int` })
    .from(complaintPoints)
    .where(eq(complaintPoints.complaintId, complaintId));
  const start = Number(last?.position ?? 0);
  const rows = await tx
    .insert(complaintPoints)
    .values(texts.map((text, i) => ({ complaintId, position: start + i + 1, text, raisedAtStage: stage, createdAt: now })))
    .returning({ id: complaintPoints.id, position: complaintPoints.position });
  return rows.sort((a, b) => a.position - b.position).map((r) => r.id);
}

/** How many points a complaint has, at every stage. */
export async function countComplaintPoints(db: Executor, complaintId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(complaintPoints).where(eq(complaintPoints.complaintId, complaintId));
  return Number(row?.n ?? 0);
}

const author = alias(staff, 'note_author');
const recorder = alias(staff, 'recorder');
const corrector = alias(staff, 'corrector');
const uploader = alias(staff, 'uploader');

/** A note or a correspondence entry may carry one file, read through its attachment. */
const attachedFileColumns = { fileId: attachments.id, fileName: attachments.originalName };

function withAttachedFile<R extends { fileId: string | null; fileName: string | null }>({ fileId, fileName, ...entry }: R) {
  return { ...entry, file: fileId && fileName ? { id: fileId, name: fileName } : null };
}

export type CaseNoteEntry = {
  id: string;
  kind: CaseNoteKind;
  text: string;
  authorName: string;
  createdAt: Date;
  file: { id: string; name: string } | null;
};

export async function listCaseNotes(db: Executor, complaintId: string): Promise<CaseNoteEntry[]> {
  const rows = await db
    .select({
      id: caseNotes.id,
      kind: caseNotes.kind,
      text: caseNotes.text,
      authorName: author.fullName,
      createdAt: caseNotes.createdAt,
      ...attachedFileColumns,
    })
    .from(caseNotes)
    .innerJoin(author, eq(author.id, caseNotes.authorId))
    .leftJoin(attachments, eq(attachments.id, caseNotes.attachmentId))
    .where(eq(caseNotes.complaintId, complaintId))
    .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id));
  return rows.map(withAttachedFile);
}

export type CorrespondenceEntry = {
  id: string;
  direction: CorrespondenceDirection;
  method: CorrespondenceMethod;
  occurredOn: string;
  summary: string;
  addsInformation: boolean;
  recordedByName: string | null;
  createdAt: Date;
  file: { id: string; name: string } | null;
};

export async function listCorrespondence(db: Executor, complaintId: string): Promise<CorrespondenceEntry[]> {
  const rows = await db
    .select({
      id: correspondence.id,
      direction: correspondence.direction,
      method: correspondence.method,
      occurredOn: correspondence.occurredOn,
      summary: correspondence.summary,
      addsInformation: correspondence.addsInformation,
      recordedByName: recorder.fullName,
      createdAt: correspondence.createdAt,
      ...attachedFileColumns,
    })
    .from(correspondence)
    .leftJoin(recorder, eq(recorder.id, correspondence.recordedBy))
    .leftJoin(attachments, eq(attachments.id, correspondence.attachmentId))
    .where(eq(correspondence.complaintId, complaintId))
    .orderBy(desc(correspondence.occurredOn), desc(correspondence.createdAt), desc(correspondence.id));
  return rows.map(withAttachedFile);
}

export type ComplainantCorrectionEntry = {
  id: string;
  changes: Array<{ field: string; from: string | null; to: string | null }>;
  reason: string;
  correctedByName: string;
  createdAt: Date;
};

export async function listComplainantCorrections(db: Executor, complaintId: string): Promise<ComplainantCorrectionEntry[]> {
  return db
    .select({
      id: complainantCorrections.id,
      changes: complainantCorrections.changes,
      reason: complainantCorrections.reason,
      correctedByName: corrector.fullName,
      createdAt: complainantCorrections.createdAt,
    })
    .from(complainantCorrections)
    .innerJoin(corrector, eq(corrector.id, complainantCorrections.correctedBy))
    .where(eq(complainantCorrections.complaintId, complaintId))
    .orderBy(desc(complainantCorrections.createdAt), desc(complainantCorrections.id));
}

/** The files of a complaint that staff added, with who added each. */
export async function listStaffAddedFiles(db: Executor, complaintId: string): Promise<Array<{ id: string; addedByName: string }>> {
  return db
    .select({ id: attachments.id, addedByName: uploader.fullName })
    .from(attachments)
    .innerJoin(uploader, eq(uploader.id, attachments.uploadedByStaffId))
    .where(and(eq(attachments.complaintId, complaintId), isNotNull(attachments.uploadedByStaffId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}
