import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The organisation's first words for every letter sent about a complaint:
 * content/letters/<language>/<kind>.<audience>.txt, a `Subject: …` line, a blank line, then the
 * body in the template format described in content/letters/README.md. The database seeds version 1
 * of each template from these files; later versions are written by national office in the back
 * office and live only in the database.
 */

/** Every kind of letter sent about a complaint (the `received` receipt is made by the portal, not from a template). */
export const LETTER_TEMPLATE_KINDS = [
  'acknowledgement',
  'stage_2_acknowledgement',
  'non_service_user_acknowledgement',
  'holding',
  'extension',
  'stage_1_response',
  'stage_2_response',
  'closure',
  'non_service_user_reply',
] as const;
export type LetterTemplateKind = (typeof LETTER_TEMPLATE_KINDS)[number];

export const LETTER_TEMPLATE_AUDIENCES = ['adult', 'child'] as const;
export const LETTER_TEMPLATE_LANGUAGES = ['en', 'cy'] as const;

export type LetterTemplateKey = {
  kind: LetterTemplateKind;
  audience: (typeof LETTER_TEMPLATE_AUDIENCES)[number];
  language: (typeof LETTER_TEMPLATE_LANGUAGES)[number];
};

export type LetterTemplateSource = LetterTemplateKey & {
  subject: string;
  body: string;
  /** Where it was read from, relative to content/, for messages about it. */
  file: string;
};

const CONTENT_FOLDER = fileURLToPath(new URL('../', import.meta.url));

/** The file of one template, relative to content/. */
export function letterTemplateFile(key: LetterTemplateKey): string {
  return `letters/${key.language}/${key.kind}.${key.audience}.txt`;
}

/** Every key a template exists for: each kind, in English and Welsh, for adults and for children. */
export function letterTemplateKeys(): LetterTemplateKey[] {
  return LETTER_TEMPLATE_KINDS.flatMap((kind) =>
    LETTER_TEMPLATE_LANGUAGES.flatMap((language) => LETTER_TEMPLATE_AUDIENCES.map((audience) => ({ kind, audience, language }))),
  );
}

/** A template file's subject and body; a file not in the expected shape is refused with its name. */
export function parseLetterTemplateSource(raw: string, file: string): { subject: string; body: string } {
  const lines = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const subject = /^Subject:[ \t]*(.*)$/.exec(lines[0] ?? '')?.[1]?.trim();
  if (!subject) throw new Error(`${file} must start with a line "Subject: …" giving the letter's subject.`);
  if ((lines[1] ?? '').trim() !== '') throw new Error(`${file} needs a blank line between the subject and the body.`);
  const body = lines.slice(2).join('\n').trim();
  if (body === '') throw new Error(`${file} has no body after its subject.`);
  return { subject, body };
}

/** Reads every template: one for each kind, audience and language, or an error naming the file that is missing. */
export function letterTemplateSources(): LetterTemplateSource[] {
  return letterTemplateKeys().map((key) => {
    const file = letterTemplateFile(key);
    let raw: string;
    try {
      raw = readFileSync(path.join(CONTENT_FOLDER, file), 'utf8');
    } catch (error) {
      throw new Error(`content/${file} could not be read: ${(error as Error).message}`);
    }
    return { ...key, ...parseLetterTemplateSource(raw, `content/${file}`), file };
  });
}
