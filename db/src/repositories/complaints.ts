import { type Audience, type Channel, type ComplaintState, type FeedbackKind, keptContactDetails, type Language, type NewComplaint, type Stage, type StageDueDates } from '@complaints/domain';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { complainants, complaintPoints, complaints, complaintStages, serviceAreas } from '../schema/index';

export type NewComplaintRecord = {
  reference: string;
  kind: FeedbackKind;
  channel: Channel;
  audience: Audience;
  language: Language;
  receivedAt: Date;
  receivedOn: string;
  state: ComplaintState;
  businessAreaId: string | null;
  serviceAreaId: string | null;
  idempotencyKey?: string | null;
  dueDates: StageDueDates;
  currentDueOn: string | null;
  input: NewComplaint;
};

/**
 * Writes a new complaint's own row in the caller's transaction, and returns its id; null, writing
 * nothing, when the reference is already taken, so the caller can draw another.
 */
export async function insertComplaint(tx: Executor, record: NewComplaintRecord): Promise<string | null> {
  const { input } = record;
  const [row] = await tx
    .insert(complaints)
    .values({
      reference: record.reference,
      kind: record.kind,
      channel: record.channel,
      audience: record.audience,
      language: record.language,
      receivedAt: record.receivedAt,
      receivedOn: record.receivedOn,
      stage: 1,
      state: record.state,
      businessAreaId: record.businessAreaId,
      serviceAreaId: record.serviceAreaId,
      areaGiven: input.areaGiven ?? null,
      courtCaseNumber: input.courtCaseNumber ?? null,
      practitionerNameGiven: input.practitionerNameGiven ?? null,
      desiredOutcome: input.desiredOutcome ?? null,
      currentDueOn: record.currentDueOn,
      idempotencyKey: record.idempotencyKey ?? null,
      createdAt: record.receivedAt,
    })
    .onConflictDoNothing({ target: complaints.reference })
    .returning({ id: complaints.id });
  return row?.id ?? null;
}

/**
 * Writes the complainant, the points and the first stage of a complaint just inserted. The three
 * are sent together: postgres.js pipelines them on the transaction's connection, so they cost one
 * round trip between them, not three.
 */
export async function insertComplaintDetails(tx: Executor, id: string, record: NewComplaintRecord): Promise<{ pointIds: string[] }> {
  const { input } = record;
  const c = input.complainant;
  const [, points] = await Promise.all([
    tx.insert(complainants).values({
      complaintId: id,
      role: c.role,
      ...keptContactDetails(c),
      language: record.language,
      supportNeeds: c.supportNeeds,
      supportNeedsOther: c.supportNeedsOther ?? null,
      onBehalfOfName: c.onBehalfOfName ?? null,
      onBehalfOfRelationship: c.onBehalfOfRelationship ?? null,
      onBehalfOfConsent: c.onBehalfOfConsent ?? null,
      privacyAcceptedAt: record.receivedAt,
    }),
    tx
      .insert(complaintPoints)
      .values(input.points.map((p, i) => ({ complaintId: id, position: i + 1, text: p.text, happenedOn: p.happenedOn ?? null })))
      .returning({ id: complaintPoints.id }),
    tx.insert(complaintStages).values({
      complaintId: id,
      stage: 1 as Stage,
      startedOn: record.receivedOn,
      ...record.dueDates,
      originalResponseDueOn: record.dueDates.responseDueOn,
    }),
  ]);
  return { pointIds: points.map((p) => p.id) };
}

export async function findComplaintByIdempotencyKey(db: Executor, key: string): Promise<{ id: string; reference: string } | null> {
  const [row] = await db
    .select({ id: complaints.id, reference: complaints.reference })
    .from(complaints)
    .where(eq(complaints.idempotencyKey, key))
    .limit(1);
  return row ?? null;
}

/**
 * Locks a complaint's row for the rest of the transaction, so changes to one complaint (and the
 * numbering of its events) happen one after another.
 */
export async function lockComplaint(tx: Executor, id: string) {
  const [row] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update');
  return row ?? null;
}

/** The business area a service area belongs to: where its complaints go first. */
export async function businessAreaOfServiceArea(db: Executor, serviceAreaId: string): Promise<string | null> {
  const [row] = await db.select({ id: serviceAreas.businessAreaId }).from(serviceAreas).where(eq(serviceAreas.id, serviceAreaId)).limit(1);
  return row?.id ?? null;
}

export async function touchComplaint(tx: Executor, id: string, changes: Partial<typeof complaints.$inferInsert>) {
  await tx
    .update(complaints)
    .set({ ...changes, updatedAt: sql`now()`, lockVersion: sql`${complaints.lockVersion} + 1` })
    .where(eq(complaints.id, id));
}

/** The references of complaints by id, for messages that name them. */
export async function complaintReferences(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: complaints.id, reference: complaints.reference }).from(complaints).where(inArray(complaints.id, ids));
  return new Map(rows.map((r) => [r.id, r.reference]));
}
