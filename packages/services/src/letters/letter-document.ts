import type { DocumentBlock, DocumentSource } from '@complaints/documents';
import { renderPdf } from '@complaints/documents';
import { translator } from '@complaints/i18n/server';
import { z } from 'zod';
import { TRACKING_CODE_SLOT } from './letter-template';

/**
 * A letter is kept as the document it was written as (letters.document), so its PDF can be made
 * again, identical, whenever someone downloads it or the email carrying it is sent, without
 * keeping the bytes. The one thing never kept is a tracking code: it is put in only when the
 * letter is printed.
 */

const blockSchema: z.ZodType<DocumentBlock> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string(), style: z.enum(['lead', 'small']).optional() }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()), ordered: z.boolean().optional() }),
  z.object({ kind: z.literal('facts'), rows: z.array(z.object({ label: z.string(), value: z.string() })) }),
  z.object({ kind: z.literal('callout'), text: z.string() }),
  z.object({ kind: z.literal('reference'), label: z.string(), value: z.string() }),
  z.object({ kind: z.literal('table'), caption: z.string(), head: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  z.object({ kind: z.literal('address'), lines: z.array(z.string()) }),
]) as z.ZodType<DocumentBlock>;

const documentSchema = z.object({
  title: z.string(),
  language: z.enum(['en', 'cy']),
  audience: z.enum(['adult', 'child']),
  organisationName: z.string(),
  blocks: z.array(blockSchema),
  webVersionNote: z.string().optional(),
  footer: z.string().optional(),
});

export function toStoredDocument(source: DocumentSource): Record<string, unknown> {
  return JSON.parse(JSON.stringify(source)) as Record<string, unknown>;
}

/** The stored document, checked: a letter written before documents were kept has none. */
export function fromStoredDocument(stored: Record<string, unknown> | null): DocumentSource | null {
  if (stored === null) return null;
  const parsed = documentSchema.safeParse(stored);
  return parsed.success ? (parsed.data as DocumentSource) : null;
}

export function hasTrackingCodeSlot(source: DocumentSource): boolean {
  return source.blocks.some((b) => b.kind === 'reference' && b.value === TRACKING_CODE_SLOT);
}

/**
 * The letter as it is printed (with the tracking code) or read on screen and in the email (where
 * the code's place says it is on the paper copy only).
 */
export function fillTrackingCode(source: DocumentSource, code: string | null): DocumentSource {
  const t = translator(source.language, 'casework');
  const value = code ?? t('letters.trackingCodeOnPaperOnly');
  return {
    ...source,
    blocks: source.blocks.map((b) => (b.kind === 'reference' && b.value === TRACKING_CODE_SLOT ? { ...b, value } : b)),
  };
}

export function renderLetterPdf(source: DocumentSource): Promise<Uint8Array> {
  return renderPdf(source);
}

/** The file name people see for a letter's PDF: its kind and reference, nothing personal. */
export function letterFileName(reference: string, kind: string): string {
  return `${reference}-${kind.replace(/_/g, '-')}.pdf`;
}
