import { LETTER_TEMPLATE_AUDIENCES, LETTER_TEMPLATE_KINDS, LETTER_TEMPLATE_LANGUAGES, type LetterTemplateKey } from '@complaints/content/letters';
import type { StaffActor } from '@complaints/auth';
import { Refusal } from '../refusal';

/** Who is asking, as the administration pages pass it: the person and the request to audit against. */
export type AdministrationRequest = { actor: StaffActor; requestId: string };

export type { LetterTemplateKey };

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

/** A template named in an address: one of the kinds, audiences and languages there are templates for, else not found. */
export function letterTemplateKey(raw: { kind?: unknown; audience?: unknown; language?: unknown }): LetterTemplateKey {
  const { kind, audience, language } = raw;
  if (isOneOf(LETTER_TEMPLATE_KINDS, kind) && isOneOf(LETTER_TEMPLATE_AUDIENCES, audience) && isOneOf(LETTER_TEMPLATE_LANGUAGES, language)) return { kind, audience, language };
  throw new Refusal('not_found');
}
