import { findLetterTemplateVersion, listLetterTemplateVersions } from '@complaints/db';
import { fieldProblems, londonDateOf } from '@complaints/domain';
import type { DocumentSource } from '@complaints/documents';
import { ensureCapability } from '../access/access-denied';
import type { LetterFile } from '../casework/download-letter';
import type { ServiceDependencies } from '../dependencies';
import { renderLetterPdf } from '../letters/letter-document';
import { Refusal } from '../refusal';
import { letterTemplateInput, letterTemplateProblems } from './check-letter-template';
import { type AdministrationRequest, letterTemplateKey } from './letter-template-key';
import { sampleLetter } from './sample-letter';

/**
 * A version of a template (the current one unless another is asked for) as the PDF a complainant
 * would get, filled in with sample facts: nothing about any real complaint is in it.
 */
export async function previewLetterTemplatePdf(
  deps: Pick<ServiceDependencies, 'db' | 'clock'>,
  request: AdministrationRequest,
  rawKey: Record<string, unknown>,
  version: number | null,
): Promise<LetterFile> {
  ensureCapability(request.actor, 'manage_templates');
  const key = letterTemplateKey(rawKey);
  const found =
    version === null
      ? ((await listLetterTemplateVersions(deps.db, key)).find((v) => v.active) ?? null)
      : Number.isSafeInteger(version) && version > 0
        ? await findLetterTemplateVersion(deps.db, key, version)
        : null;
  if (!found) throw new Refusal('not_found');
  const today = londonDateOf(deps.clock.now());
  if (letterTemplateProblems(found, key, today).length > 0) throw new Refusal('template_invalid');
  const { document } = sampleLetter(found, key, today);
  return {
    fileName: `template-${key.kind.replace(/_/g, '-')}-${key.audience}-${key.language}-v${found.version}.pdf`,
    contentType: 'application/pdf',
    bytes: await renderLetterPdf(document),
  };
}

/**
 * Words national office has typed but not saved, filled in with sample facts, to read before
 * making them a version; refused with the same problems saving would give.
 */
export async function previewLetterTemplateDraft(
  deps: Pick<ServiceDependencies, 'clock'>,
  request: AdministrationRequest,
  rawKey: Record<string, unknown>,
  raw: unknown,
): Promise<{ subject: string; document: DocumentSource }> {
  ensureCapability(request.actor, 'manage_templates');
  const key = letterTemplateKey(rawKey);
  const parsed = letterTemplateInput.safeParse(raw);
  if (!parsed.success) throw Refusal.invalid(fieldProblems(parsed.error));
  const today = londonDateOf(deps.clock.now());
  const problems = letterTemplateProblems(parsed.data, key, today);
  if (problems.length > 0) throw Refusal.invalid(problems);
  return sampleLetter(parsed.data, key, today);
}
