import type { Audience, Language, LetterKind, LetterState, Stage } from '@complaints/domain';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import { letters, letterTemplates, letterVersions, outbox, qualityReviews, staff } from '../schema/index';

/** Letter templates (versioned) and the letters made from them. */

export type LetterTemplate = {
  id: string;
  kind: LetterKind;
  audience: Audience;
  language: Language;
  version: number;
  subject: string;
  body: string;
};

/** The newest active version of a template. */
export async function findActiveTemplate(
  db: Executor,
  key: { kind: LetterKind; audience: Audience; language: Language },
): Promise<LetterTemplate | null> {
  const [row] = await db
    .select({
      id: letterTemplates.id,
      kind: letterTemplates.kind,
      audience: letterTemplates.audience,
      language: letterTemplates.language,
      version: letterTemplates.version,
      subject: letterTemplates.subject,
      body: letterTemplates.body,
    })
    .from(letterTemplates)
    .where(
      and(
        eq(letterTemplates.kind, key.kind),
        eq(letterTemplates.audience, key.audience),
        eq(letterTemplates.language, key.language),
        eq(letterTemplates.active, true),
      ),
    )
    .orderBy(desc(letterTemplates.version))
    .limit(1);
  return row ?? null;
}

/** Adds templates that are not there yet (by kind, audience, language and version); never changes one. */
export async function addLetterTemplates(
  db: Executor,
  templates: Array<{ kind: LetterKind; audience: Audience; language: Language; version: number; subject: string; body: string }>,
): Promise<void> {
  if (templates.length === 0) return;
  await db.insert(letterTemplates).values(templates).onConflictDoNothing();
}

export type NewLetter = {
  complaintId: string;
  stage: Stage;
  kind: LetterKind;
  templateId: string | null;
  audience: Audience;
  language: Language;
  state: LetterState;
  subject: string;
  html: string;
  document: Record<string, unknown>;
  delivery: 'email' | 'post';
  recipient?: string | null;
  message?: string | null;
  createdBy: string | null;
  createdAt: Date;
};

/** A new letter, as its first version. */
export async function insertLetter(tx: Executor, letter: NewLetter): Promise<string> {
  const [row] = await tx
    .insert(letters)
    .values({ ...letter, version: 1, versionMadeAt: letter.createdAt, lastChangedBy: letter.createdBy })
    .returning({ id: letters.id });
  const id = row!.id;
  await tx.insert(letterVersions).values({
    letterId: id,
    version: 1,
    templateId: letter.templateId,
    subject: letter.subject,
    html: letter.html,
    document: letter.document,
    message: letter.message ?? null,
    createdBy: letter.createdBy,
    createdAt: letter.createdAt,
  });
  return id;
}

export type LetterRevision = {
  templateId: string | null;
  subject: string;
  html: string;
  document: Record<string, unknown>;
  delivery: 'email' | 'post';
  recipient: string | null;
  message: string | null;
  staffId: string | null;
  at: Date;
};

/** A new version of a letter: the old ones are kept, and the letter is a draft again. */
export async function reviseLetter(tx: Executor, letterId: string, revision: LetterRevision): Promise<number> {
  const [row] = await tx.select({ version: letters.version }).from(letters).where(eq(letters.id, letterId)).limit(1);
  const version = (row?.version ?? 0) + 1;
  await tx
    .update(letters)
    .set({
      templateId: revision.templateId,
      subject: revision.subject,
      html: revision.html,
      document: revision.document,
      delivery: revision.delivery,
      recipient: revision.recipient,
      message: revision.message,
      version,
      versionMadeAt: revision.at,
      lastChangedBy: revision.staffId,
      state: 'draft',
      approvedBy: null,
      approvedAt: null,
      approvedAutomatically: false,
    })
    .where(eq(letters.id, letterId));
  await tx.insert(letterVersions).values({
    letterId,
    version,
    templateId: revision.templateId,
    subject: revision.subject,
    html: revision.html,
    document: revision.document,
    message: revision.message,
    createdBy: revision.staffId,
    createdAt: revision.at,
  });
  return version;
}

/** Approval: by a CSQ manager, or automatically where national office allows it. */
export async function markLetterApproved(tx: Executor, letterId: string, approval: { staffId: string | null; at: Date; automatically: boolean }): Promise<void> {
  await tx
    .update(letters)
    .set({ state: 'approved', approvedBy: approval.staffId, approvedAt: approval.at, approvedAutomatically: approval.automatically })
    .where(eq(letters.id, letterId));
}

/** A letter gone by email is sent now; a posted one when it is printed. */
export async function markLetterSent(tx: Executor, letterId: string, sentAt: Date | null): Promise<void> {
  await tx.update(letters).set({ state: 'sent', sentAt }).where(eq(letters.id, letterId));
}

export type NewQualityReview = {
  complaintId: string;
  letterId: string | null;
  kind: 'letter' | 'closure';
  letterVersion: number | null;
  stage: Stage;
  outcome: 'approved' | 'returned';
  comments: string | null;
  checklist?: Record<string, { done: boolean; note: string }>;
  reviewerId: string;
  at: Date;
};

export async function insertQualityReview(tx: Executor, review: NewQualityReview): Promise<string> {
  const [row] = await tx
    .insert(qualityReviews)
    .values({
      complaintId: review.complaintId,
      letterId: review.letterId,
      kind: review.kind,
      letterVersion: review.letterVersion,
      stage: review.stage,
      outcome: review.outcome,
      comments: review.comments,
      checklist: review.checklist ?? {},
      reviewerId: review.reviewerId,
      reviewedAt: review.at,
    })
    .returning({ id: qualityReviews.id });
  return row!.id;
}

const versionAuthor = alias(staff, 'version_author');
const reviewer = alias(staff, 'reviewer');

export type StoredLetterVersion = {
  version: number;
  subject: string;
  html: string;
  document: Record<string, unknown> | null;
  message: string | null;
  authorName: string | null;
  createdAt: Date;
};

/** Every version of a letter, oldest first. */
export async function listLetterVersions(db: Executor, letterId: string): Promise<StoredLetterVersion[]> {
  return db
    .select({
      version: letterVersions.version,
      subject: letterVersions.subject,
      html: letterVersions.html,
      document: letterVersions.document,
      message: letterVersions.message,
      authorName: versionAuthor.fullName,
      createdAt: letterVersions.createdAt,
    })
    .from(letterVersions)
    .leftJoin(versionAuthor, eq(versionAuthor.id, letterVersions.createdBy))
    .where(eq(letterVersions.letterId, letterId))
    .orderBy(asc(letterVersions.version));
}

export type StoredQualityReview = {
  id: string;
  letterVersion: number | null;
  outcome: 'approved' | 'returned';
  comments: string | null;
  checklist: Record<string, { done: boolean; note: string }>;
  stage: Stage | null;
  reviewerName: string;
  reviewedAt: Date;
};

/** The quality reviews of a letter, or of a complaint's closure, oldest first. */
export async function listQualityReviews(db: Executor, filter: { letterId: string } | { complaintId: string; kind: 'closure' }): Promise<StoredQualityReview[]> {
  return db
    .select({
      id: qualityReviews.id,
      letterVersion: qualityReviews.letterVersion,
      outcome: qualityReviews.outcome,
      comments: qualityReviews.comments,
      checklist: qualityReviews.checklist,
      stage: qualityReviews.stage,
      reviewerName: reviewer.fullName,
      reviewedAt: qualityReviews.reviewedAt,
    })
    .from(qualityReviews)
    .innerJoin(reviewer, eq(reviewer.id, qualityReviews.reviewerId))
    .where(
      'letterId' in filter
        ? eq(qualityReviews.letterId, filter.letterId)
        : and(eq(qualityReviews.complaintId, filter.complaintId), eq(qualityReviews.kind, 'closure')),
    )
    .orderBy(asc(qualityReviews.reviewedAt)) as Promise<StoredQualityReview[]>;
}

export type StoredLetter = {
  id: string;
  complaintId: string;
  stage: Stage;
  kind: LetterKind;
  state: LetterState;
  audience: Audience;
  language: Language;
  subject: string;
  html: string;
  document: Record<string, unknown> | null;
  delivery: 'email' | 'post';
  recipient: string | null;
  message: string | null;
  version: number;
  templateId: string | null;
  approvedAutomatically: boolean;
  createdAt: Date;
  approvedAt: Date | null;
  sentAt: Date | null;
};

const storedColumns = {
  id: letters.id,
  complaintId: letters.complaintId,
  stage: letters.stage,
  kind: letters.kind,
  state: letters.state,
  audience: letters.audience,
  language: letters.language,
  subject: letters.subject,
  html: letters.html,
  document: letters.document,
  delivery: letters.delivery,
  recipient: letters.recipient,
  message: letters.message,
  version: letters.version,
  templateId: letters.templateId,
  approvedAutomatically: letters.approvedAutomatically,
  createdAt: letters.createdAt,
  approvedAt: letters.approvedAt,
  sentAt: letters.sentAt,
};

/** A letter of this complaint (never another's). */
export async function findLetter(db: Executor, complaintId: string, letterId: string): Promise<StoredLetter | null> {
  const [row] = await db
    .select(storedColumns)
    .from(letters)
    .where(and(eq(letters.id, letterId), eq(letters.complaintId, complaintId)))
    .limit(1);
  return row ?? null;
}

/** A letter by its id alone, for delivery, which acts for no one person. */
export async function findLetterForDelivery(db: Executor, letterId: string): Promise<StoredLetter | null> {
  const [row] = await db.select(storedColumns).from(letters).where(eq(letters.id, letterId)).limit(1);
  return row ?? null;
}

/** Marks the print queue's entry for a letter as printed, and the letter as sent, when it is printed. */
export async function markLetterPrinted(tx: Executor, letterId: string, at: Date): Promise<void> {
  await tx
    .update(outbox)
    .set({ status: 'sent', sentAt: at, lockedUntil: null })
    .where(and(eq(outbox.letterId, letterId), eq(outbox.channel, 'print'), eq(outbox.status, 'pending')));
  await tx.update(letters).set({ sentAt: at }).where(and(eq(letters.id, letterId), eq(letters.delivery, 'post')));
}

/** Moves a letter along quality assurance (the executor's part of a letter move). */
export async function setLetterState(tx: Executor, letterId: string, state: LetterState): Promise<void> {
  await tx.update(letters).set({ state }).where(eq(letters.id, letterId));
}

/**
 * The letter of a kind at a stage that is still being written, came back from quality assurance,
 * or is approved but not sent, if any: writing it again makes its next version.
 */
export async function findLetterInProgress(db: Executor, complaintId: string, stage: Stage, kind: LetterKind): Promise<{ id: string; state: LetterState } | null> {
  const [row] = await db
    .select({ id: letters.id, state: letters.state })
    .from(letters)
    .where(and(eq(letters.complaintId, complaintId), eq(letters.stage, stage), eq(letters.kind, kind), inArray(letters.state, ['draft', 'returned', 'approved'])))
    .orderBy(desc(letters.createdAt))
    .limit(1);
  return row ?? null;
}
