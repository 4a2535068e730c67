import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../client';
import { attachments, complainants, complaintPoints, complaints, complaintStages, formDrafts, serviceAreas } from '../schema/index';

/**
 * Drafts of the public complaint forms: the answers held between pages, tied to a cookie whose
 * SHA-256 is the draft's id. A draft remembers the complaint it became, so the confirmation page
 * and the receipt can be shown again to whoever holds the cookie, and only to them.
 */

export type FormDraftRecord = {
  id: string;
  flow: string;
  data: Record<string, unknown>;
  expiresAt: Date;
  complaintId: string | null;
};

const draftColumns = {
  id: formDrafts.id,
  flow: formDrafts.flow,
  data: formDrafts.data,
  expiresAt: formDrafts.expiresAt,
  complaintId: formDrafts.complaintId,
};

export async function insertFormDraft(
  db: Executor,
  draft: { id: string; flow: string; data: Record<string, unknown>; now: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(formDrafts).values({ id: draft.id, flow: draft.flow, data: draft.data, createdAt: draft.now, updatedAt: draft.now, expiresAt: draft.expiresAt });
}

/** A draft that has not expired, or null. */
export async function findFormDraft(db: Executor, id: string, now: Date): Promise<FormDraftRecord | null> {
  const [row] = await db
    .select(draftColumns)
    .from(formDrafts)
    .where(and(eq(formDrafts.id, id), gt(formDrafts.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/**
 * Locks a draft for the rest of the transaction, so two sends of the same form (a double click,
 * a repeated POST) happen one after the other: the second finds the complaint the first made.
 */
export async function lockFormDraft(tx: Executor, id: string, now: Date): Promise<FormDraftRecord | null> {
  const [row] = await tx
    .select(draftColumns)
    .from(formDrafts)
    .where(and(eq(formDrafts.id, id), gt(formDrafts.expiresAt, now)))
    .for('update');
  return row ?? null;
}

/** Saves a draft's answers, unless it has already been sent. Returns whether it was saved. */
export async function saveFormDraftData(db: Executor, id: string, data: Record<string, unknown>, options: { now: Date; expiresAt: Date }): Promise<boolean> {
  const saved = await db
    .update(formDrafts)
    .set({ data, updatedAt: options.now, expiresAt: options.expiresAt })
    .where(and(eq(formDrafts.id, id), sql`${formDrafts.complaintId} is null`))
    .returning({ id: formDrafts.id });
  return saved.length > 0;
}

/**
 * Records that a draft became a complaint, in the complaint's transaction: the draft's files move
 * to the complaint, its answers are cleared (the complaint now holds them), and it is kept until it
 * expires so the confirmation can be shown again. One statement, as it runs on every submission.
 * Returns how many files moved.
 */
export async function markFormDraftSent(tx: Executor, id: string, complaintId: string, options: { now: Date; expiresAt: Date }): Promise<number> {
  const [row] = await queryRows<{ files: number }>(
    tx,
    sql`with moved as (
          update ${attachments} set complaint_id = ${complaintId} where draft_id = ${id} and complaint_id is null returning 1
        )
        update ${formDrafts} set complaint_id = ${complaintId}, data = '{}'::jsonb,
          updated_at = ${options.now.toISOString()}::timestamptz, expires_at = ${options.expiresAt.toISOString()}::timestamptz
        where id = ${id}
        returning (select count(*) from moved)::int as files`,
  );
  return row?.files ?? 0;
}

/**
 * Ends drafts at once, for a browser that asks to be forgotten: from `now` they are expired, so
 * nothing opens them again even before their rows go (and if those rows are not removed, the nightly
 * housekeeping removes them with their files, as it does any expired draft). Returns the storage
 * keys of the files uploaded to them and never sent, which the caller deletes before the rows.
 */
export async function endFormDrafts(db: Executor, ids: string[], now: Date): Promise<{ drafts: number; storageKeys: string[] }> {
  if (ids.length === 0) return { drafts: 0, storageKeys: [] };
  const ended = await db.update(formDrafts).set({ expiresAt: now, updatedAt: now }).where(inArray(formDrafts.id, ids)).returning({ id: formDrafts.id });
  if (ended.length === 0) return { drafts: 0, storageKeys: [] };
  const files = await db
    .select({ storageKey: attachments.storageKey })
    .from(attachments)
    .where(and(inArray(attachments.draftId, ended.map((d) => d.id)), isNull(attachments.complaintId)));
  return { drafts: ended.length, storageKeys: files.map((f) => f.storageKey) };
}

/**
 * Removes drafts and the rows of the files uploaded to them and never sent, in one transaction. A
 * complaint a draft became, and the files that moved to it, are untouched.
 */
export async function deleteFormDrafts(db: Executor, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return db.transaction(async (tx) => {
    await tx.delete(attachments).where(and(inArray(attachments.draftId, ids), isNull(attachments.complaintId)));
    const deleted = await tx.delete(formDrafts).where(inArray(formDrafts.id, ids)).returning({ id: formDrafts.id });
    return deleted.length;
  });
}

/** The service areas the public form offers, in a stable order. */
export async function listAreaChoices(db: Executor): Promise<Array<{ id: string; name: { en: string; cy: string } }>> {
  const rows = await db
    .select({ id: serviceAreas.id, nameEn: serviceAreas.nameEn, nameCy: serviceAreas.nameCy })
    .from(serviceAreas)
    .orderBy(asc(serviceAreas.nameEn));
  return rows.map((r) => ({ id: r.id, name: { en: r.nameEn, cy: r.nameCy } }));
}

export type SentComplaintRecord = {
  id: string;
  reference: string;
  audience: 'adult' | 'child';
  language: 'en' | 'cy';
  receivedAt: Date;
  receivedOn: string;
  acknowledgeDueOn: string;
  responseDueOn: string;
  fullName: string;
  email: string | null;
  preferredContact: string;
  desiredOutcome: string | null;
  courtCaseNumber: string | null;
  points: Array<{ position: number; text: string; happenedOn: string | null }>;
};

/** What a complainant is shown about the complaint they have just sent: for the confirmation and the receipt. */
export async function findSentComplaint(db: Executor, complaintId: string): Promise<SentComplaintRecord | null> {
  const [row] = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      audience: complaints.audience,
      language: complaints.language,
      receivedAt: complaints.receivedAt,
      receivedOn: complaints.receivedOn,
      desiredOutcome: complaints.desiredOutcome,
      courtCaseNumber: complaints.courtCaseNumber,
      acknowledgeDueOn: complaintStages.acknowledgeDueOn,
      responseDueOn: complaintStages.responseDueOn,
      fullName: complainants.fullName,
      email: complainants.email,
      preferredContact: complainants.preferredContact,
    })
    .from(complaints)
    .innerJoin(complaintStages, and(eq(complaintStages.complaintId, complaints.id), eq(complaintStages.stage, 1)))
    .innerJoin(complainants, eq(complainants.complaintId, complaints.id))
    .where(eq(complaints.id, complaintId))
    .limit(1);
  if (!row) return null;
  const points = await db
    .select({ position: complaintPoints.position, text: complaintPoints.text, happenedOn: complaintPoints.happenedOn })
    .from(complaintPoints)
    .where(and(eq(complaintPoints.complaintId, complaintId), eq(complaintPoints.raisedAtStage, 1)))
    .orderBy(asc(complaintPoints.position));
  return { ...row, points };
}
