import { findActiveTemplate, insertLetterTemplateVersion, lockLetterTemplate, recordAudit } from '@complaints/db';
import { fieldProblems, londonDateOf } from '@complaints/domain';
import { z } from 'zod';
import { ensureCapability } from '../access/access-denied';
import type { ServiceDependencies } from '../dependencies';
import { Refusal } from '../refusal';
import { letterTemplateInput, letterTemplateProblems, type LetterTemplateProblem } from './check-letter-template';
import { type AdministrationRequest, letterTemplateKey } from './letter-template-key';

const input = letterTemplateInput.extend({
  /** The version the person was editing: if someone has saved a newer one since, theirs is not overwritten unseen. */
  baseVersion: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().min(0).optional()),
});

export type SavedLetterTemplate = { id: string; version: number };

/**
 * Saves national office's words as the next version of a template: letters are written from it
 * from now on, and every earlier version is kept as it was (letters record the version they
 * used). A template that would not make a letter is refused with the reason, and nothing is saved.
 */
export async function saveLetterTemplate(
  deps: Pick<ServiceDependencies, 'db' | 'clock'>,
  request: AdministrationRequest,
  rawKey: Record<string, unknown>,
  raw: unknown,
): Promise<SavedLetterTemplate> {
  ensureCapability(request.actor, 'manage_templates');
  const key = letterTemplateKey(rawKey);
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw Refusal.invalid(fieldProblems(parsed.error));
  const { subject, body, baseVersion } = parsed.data;
  const now = deps.clock.now();
  const problems = letterTemplateProblems({ subject, body }, key, londonDateOf(now));
  if (problems.length > 0) throw Refusal.invalid(problems);
  return deps.db.transaction(async (tx) => {
    await lockLetterTemplate(tx, key);
    const current = await findActiveTemplate(tx, key);
    if (baseVersion !== undefined && (current?.version ?? 0) !== baseVersion) {
      const problem: LetterTemplateProblem = { field: 'body', message: 'template.changedMeanwhile', name: String(current?.version ?? 0) };
      throw Refusal.invalid([problem]);
    }
    if (current && current.subject === subject && current.body === body) throw new Refusal('nothing_changed');
    const saved = await insertLetterTemplateVersion(tx, key, { subject, body, createdBy: request.actor.id, createdAt: now });
    await recordAudit(tx, { staffId: request.actor.id, action: 'letter_template.version_added', subject: `letter_template:${saved.id}`, requestId: request.requestId }, now);
    return saved;
  });
}
