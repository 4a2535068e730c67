import { letterTemplateKeys } from '@complaints/content/letters';
import { listCurrentLetterTemplates } from '@complaints/db';
import { ensureCapability } from '../access/access-denied';
import type { ServiceDependencies } from '../dependencies';
import type { AdministrationRequest, LetterTemplateKey } from './letter-template-key';

export type LetterTemplateListing = Array<LetterTemplateKey & { version: number | null; createdAt: Date | null; authorName: string | null }>;

/**
 * Every letter template by kind, audience and language, with the version letters are written from
 * now. A template with no version yet (a database the content has not been seeded into) is listed
 * too, so it can be written here.
 */
export async function listLetterTemplates(deps: Pick<ServiceDependencies, 'db'>, request: AdministrationRequest): Promise<LetterTemplateListing> {
  ensureCapability(request.actor, 'manage_templates');
  const current = await listCurrentLetterTemplates(deps.db);
  return letterTemplateKeys().map((key) => {
    const found = current.find((c) => c.kind === key.kind && c.audience === key.audience && c.language === key.language);
    return { ...key, version: found?.version ?? null, createdAt: found?.createdAt ?? null, authorName: found?.authorName ?? null };
  });
}
