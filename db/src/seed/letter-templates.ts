import { letterTemplateSources } from '@complaints/content/letters';
import type { Executor } from '../client';
import { addLetterTemplates } from '../repositories/letters';

/**
 * Version 1 of every letter template, read from content/letters (English and Welsh, for adults and
 * for children; the format is described in content/letters/README.md). National office writes
 * later versions in the back office. A version already in the database is never changed: editing
 * a file in content/letters changes only installations that do not have that template yet, and
 * the organisation's own versions always win.
 */
export async function seedLetterTemplates(db: Executor): Promise<void> {
  await addLetterTemplates(
    db,
    letterTemplateSources().map(({ kind, audience, language, subject, body }) => ({ kind, audience, language, subject, body, version: 1 })),
  );
}
