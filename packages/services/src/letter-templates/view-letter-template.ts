import { listLetterTemplateVersions, type StoredLetterTemplateVersion } from '@complaints/db';
import { londonDateOf } from '@complaints/domain';
import type { DocumentSource } from '@complaints/documents';
import { ensureCapability } from '../access/access-denied';
import { LETTER_LISTS, LETTER_SECTIONS, LETTER_VALUES } from '../letters/compose-case-letter';
import type { ServiceDependencies } from '../dependencies';
import { type LetterTemplateProblem, letterTemplateProblems } from './check-letter-template';
import { type AdministrationRequest, letterTemplateKey } from './letter-template-key';
import { sampleLetter } from './sample-letter';

export type LetterTemplatePage = {
  key: ReturnType<typeof letterTemplateKey>;
  /** Every version, newest (the one letters are written from now) first. */
  versions: StoredLetterTemplateVersion[];
  /** The current version filled in with sample facts, or why it cannot be. */
  preview: { ok: true; subject: string; document: DocumentSource } | { ok: false; problems: LetterTemplateProblem[] } | null;
  /** What a template may use, for the person writing one. */
  names: { values: readonly string[]; sections: readonly string[]; lists: Readonly<Record<string, readonly string[]>> };
};

/** One template for national office: its current words to edit, every earlier version, and the letter it makes. */
export async function viewLetterTemplate(deps: Pick<ServiceDependencies, 'db' | 'clock'>, request: AdministrationRequest, rawKey: Record<string, unknown>): Promise<LetterTemplatePage> {
  ensureCapability(request.actor, 'manage_templates');
  const key = letterTemplateKey(rawKey);
  const versions = await listLetterTemplateVersions(deps.db, key);
  const current = versions.find((v) => v.active) ?? null;
  const today = londonDateOf(deps.clock.now());
  let preview: LetterTemplatePage['preview'] = null;
  if (current) {
    // A version saved before templates were checked on saving may not compose: say why rather than fail the page.
    const problems = letterTemplateProblems(current, key, today);
    preview = problems.length > 0 ? { ok: false, problems } : { ok: true, ...sampleLetter(current, key, today) };
  }
  return { key, versions, preview, names: { values: LETTER_VALUES, sections: LETTER_SECTIONS, lists: LETTER_LISTS } };
}
