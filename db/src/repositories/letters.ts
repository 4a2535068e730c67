import type { Audience, Language, LetterKind, LetterState, Stage } from '@complaints/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { letters, letterTemplates, outbox } from '../schema/index';

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
  createdBy: string | null;
  createdAt: Date;
  approvedBy?: string | null;
  approvedAt?: Date | null;
  sentAt?: Date | null;
};

export async function insertLetter(tx: Executor, letter: NewLetter): Promise<string> {
  const [row] = await tx.insert(letters).values(letter).returning({ id: letters.id });
  return row!.id;
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
  createdAt: Date;
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
  createdAt: letters.createdAt,
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
