import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { DocumentLanguage, PublicDocumentId } from './catalogue';
import { type DocumentContent, documentContentSchema } from './content-schema';

/** content/documents/<language>/<document>.json: one source per document and language. */
export const CONTENT_FOLDER = fileURLToPath(new URL('../../../../content/documents', import.meta.url));

export type LoadedContent = {
  content: DocumentContent;
  /** A hash of the file as written: part of every cache key, so an edit shows at once. */
  version: string;
  file: string;
};

const loaded = new Map<string, { mtimeMs: number; size: number; value: LoadedContent }>();

/**
 * Reads and checks one document source. The file is read again whenever it changes on disk, so
 * the people who write the words see an edit on the next page load without a restart; otherwise
 * a cheap `stat` is all a request costs.
 */
export function readDocumentContent(id: PublicDocumentId, language: DocumentLanguage): LoadedContent {
  const file = path.join(CONTENT_FOLDER, language, `${id}.json`);
  const stat = statSync(file);
  const cached = loaded.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.value;
  const raw = readFileSync(file, 'utf8');
  const value = parseDocumentContent(raw, `content/documents/${language}/${id}.json`);
  loaded.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, value });
  return value;
}

export function parseDocumentContent(raw: string, file: string): LoadedContent {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = documentContentSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a document we can render:\n${z.prettifyError(parsed.error)}`);
  return { content: parsed.data, version: createHash('sha256').update(raw).digest('hex').slice(0, 16), file };
}
