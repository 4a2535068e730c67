import type { Audience, Language, LetterKind } from '@complaints/domain';
import { and, count, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { letters, letterTemplates, staff } from '../schema/index';

/**
 * The versions of the letter templates, for national office to read and add to. A version is
 * never changed or removed: saving a template adds the next version, and letters record the
 * version they were made from.
 */

export type LetterTemplateKey = { kind: LetterKind; audience: Audience; language: Language };

export type CurrentLetterTemplate = LetterTemplateKey & {
  version: number;
  createdAt: Date;
  authorName: string | null;
};

/** The current (newest active) version of every template that has one. */
export async function listCurrentLetterTemplates(db: Executor): Promise<CurrentLetterTemplate[]> {
  return db
    .selectDistinctOn([letterTemplates.kind, letterTemplates.audience, letterTemplates.language], {
      kind: letterTemplates.kind,
      audience: letterTemplates.audience,
      language: letterTemplates.language,
      version: letterTemplates.version,
      createdAt: letterTemplates.createdAt,
      authorName: staff.fullName,
    })
    .from(letterTemplates)
    .leftJoin(staff, eq(staff.id, letterTemplates.createdBy))
    .where(eq(letterTemplates.active, true))
    .orderBy(letterTemplates.kind, letterTemplates.audience, letterTemplates.language, desc(letterTemplates.version));
}

export type StoredLetterTemplateVersion = {
  id: string;
  version: number;
  subject: string;
  body: string;
  active: boolean;
  createdAt: Date;
  authorName: string | null;
  /** Letters made from this version. */
  letterCount: number;
};

const versionColumns = {
  id: letterTemplates.id,
  version: letterTemplates.version,
  subject: letterTemplates.subject,
  body: letterTemplates.body,
  active: letterTemplates.active,
  createdAt: letterTemplates.createdAt,
  authorName: staff.fullName,
};

const ofKey = (key: LetterTemplateKey) =>
  and(eq(letterTemplates.kind, key.kind), eq(letterTemplates.audience, key.audience), eq(letterTemplates.language, key.language));

/** Every version of one template, newest first, with how many letters each was used for. */
export async function listLetterTemplateVersions(db: Executor, key: LetterTemplateKey): Promise<StoredLetterTemplateVersion[]> {
  const versions = await db
    .select(versionColumns)
    .from(letterTemplates)
    .leftJoin(staff, eq(staff.id, letterTemplates.createdBy))
    .where(ofKey(key))
    .orderBy(desc(letterTemplates.version));
  if (versions.length === 0) return [];
  const used = await db
    .select({ templateId: letters.templateId, letters: count() })
    .from(letters)
    .where(inArray(letters.templateId, versions.map((v) => v.id)))
    .groupBy(letters.templateId);
  const counts = new Map(used.map((u) => [u.templateId, Number(u.letters)]));
  return versions.map((v) => ({ ...v, letterCount: counts.get(v.id) ?? 0 }));
}

/** One version of a template, or null. */
export async function findLetterTemplateVersion(db: Executor, key: LetterTemplateKey, version: number): Promise<Omit<StoredLetterTemplateVersion, 'letterCount'> | null> {
  const [row] = await db
    .select(versionColumns)
    .from(letterTemplates)
    .leftJoin(staff, eq(staff.id, letterTemplates.createdBy))
    .where(and(ofKey(key), eq(letterTemplates.version, version)))
    .limit(1);
  return row ?? null;
}

/**
 * Holds one template for the rest of the transaction, so two people saving it at once make
 * versions one after the other instead of both claiming the same number.
 */
export async function lockLetterTemplate(tx: Executor, key: LetterTemplateKey): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`letter_template:${key.kind}:${key.audience}:${key.language}`}))`);
}

/** Adds the next version of a template (call under lockLetterTemplate); the earlier ones are kept as they are. */
export async function insertLetterTemplateVersion(
  tx: Executor,
  key: LetterTemplateKey,
  template: { subject: string; body: string; createdBy: string; createdAt: Date },
): Promise<{ id: string; version: number }> {
  const [latest] = await tx.select({ version: max(letterTemplates.version) }).from(letterTemplates).where(ofKey(key));
  const version = (latest?.version ?? 0) + 1;
  const [row] = await tx
    .insert(letterTemplates)
    .values({ ...key, version, subject: template.subject, body: template.body, active: true, createdBy: template.createdBy, createdAt: template.createdAt })
    .returning({ id: letterTemplates.id });
  return { id: row!.id, version };
}
