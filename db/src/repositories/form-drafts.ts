import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { complainants, complaintPoints, complaints, complaintStages, formDrafts, serviceAreas } from '../schema/index';

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
 * Records that a draft became a complaint. Its answers are cleared (the complaint now holds them),
 * and it is kept until it expires so the confirmation can be shown again.
 */
export async function markFormDraftSent(tx: Executor, id: string, complaintId: string, options: { now: Date; expiresAt: Date }): Promise<void> {
  await tx.update(formDrafts).set({ complaintId, data: {}, updatedAt: options.now, expiresAt: options.expiresAt }).where(eq(formDrafts.id, id));
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
