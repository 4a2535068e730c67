import { z } from 'zod';
import { isPictureName } from '../pictures';

/**
 * Words a document may leave to be filled in when it is rendered: the organisation's details, web
 * addresses, the timescales as the organisation has set them, and, in a personalised welcome
 * pack, the case's details. Numbers the system decides are never typed into the words.
 */
export const PLACEHOLDER_NAMES = [
  'organisationName',
  'phone',
  'textRelay',
  'email',
  'postalAddress',
  'openingHours',
  'phsoName',
  'phsoPhone',
  'phsoWebsite',
  'psowName',
  'psowPhone',
  'psowWebsite',
  'webAddress',
  'portalAddress',
  'privacyAddress',
  'adultLeafletAddress',
  'easyReadLeafletAddress',
  'childLeafletAddress',
  'adultWelcomePackAddress',
  'childWelcomePackAddress',
  'acknowledgeTime',
  'stage1ResponseTime',
  'stage1ExtensionTime',
  'stage2AcknowledgeTime',
  'stage2ResponseTime',
  'stage2ExtensionTime',
  'practitionerName',
  'teamName',
  'teamPhone',
  'teamEmail',
  'teamAddress',
  'caseReference',
] as const;
export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];

/** Only the personalised welcome pack knows these; a facts row whose value is missing is left out. */
export const PERSONAL_PLACEHOLDERS: readonly PlaceholderName[] = ['practitionerName', 'teamName', 'teamPhone', 'teamEmail', 'teamAddress', 'caseReference'];

const PLACEHOLDER = /\{\{\s*([^}\s]+)\s*\}\}/g;

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

export function isPlaceholderName(name: string): name is PlaceholderName {
  return (PLACEHOLDER_NAMES as readonly string[]).includes(name);
}

const words = z
  .string()
  .trim()
  .min(1)
  .superRefine((text, ctx) => {
    for (const name of placeholdersIn(text)) {
      if (!isPlaceholderName(name)) ctx.addIssue({ code: 'custom', message: `{{${name}}} is not a placeholder we can fill in` });
    }
  });

/**
 * Blocks shown only in one form of a document: `personalised` in a welcome pack printed for one
 * case, `general` in the one everybody gets.
 */
const when = z.enum(['personalised', 'general']).optional();

/**
 * A picture beside a block, saying the same as its words: an OpenMoji name (as on openmoji.org,
 * e.g. `1F4DE` for a telephone) with what a screen reader says instead, in the file's language; or
 * marked `decorative` where the words say it all.
 */
const pictureName = z.string().refine(isPictureName, { message: 'is not the name of an OpenMoji picture (such as 1F4DE)' });
const picture = z
  .union([z.strictObject({ name: pictureName, alt: words }), z.strictObject({ name: pictureName, decorative: z.literal(true) })])
  .optional();

export const contentBlockSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: words, when }),
  z.strictObject({ kind: z.literal('paragraph'), text: words, style: z.enum(['lead', 'small']).optional(), picture, when }),
  z.strictObject({ kind: z.literal('list'), items: z.array(words).min(1), ordered: z.boolean().optional(), picture, when }),
  z.strictObject({ kind: z.literal('facts'), rows: z.array(z.strictObject({ label: words, value: words })).min(1), when }),
  z.strictObject({ kind: z.literal('callout'), text: words, picture, when }),
  z.strictObject({ kind: z.literal('reference'), label: words, value: words, when }),
  z.strictObject({ kind: z.literal('table'), caption: words, head: z.array(words).min(1), rows: z.array(z.array(words).min(1)).min(1), when }),
]);
export type ContentBlock = z.infer<typeof contentBlockSchema>;
export type ContentPicture = NonNullable<Extract<ContentBlock, { kind: 'paragraph' }>['picture']>;

/** A block's picture, if it has one. */
export function blockPicture(block: ContentBlock): ContentPicture | undefined {
  return block.kind === 'paragraph' || block.kind === 'list' || block.kind === 'callout' ? block.picture : undefined;
}

export const documentContentSchema = z
  .strictObject({
    title: words,
    /** Where the web version is, printed at the end of the PDF. */
    webVersionNote: words,
    blocks: z.array(contentBlockSchema).min(1),
  })
  .superRefine((doc, ctx) => {
    const first = doc.blocks[0];
    if (!first || first.kind !== 'heading' || first.level !== 1 || first.text !== doc.title) {
      ctx.addIssue({ code: 'custom', path: ['blocks', 0], message: 'the first block must be the title as a level 1 heading' });
    }
  });
export type DocumentContent = z.infer<typeof documentContentSchema>;

/** Every piece of words in a block, in reading order: for placeholders, readability and checks. */
export function blockWords(block: ContentBlock): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
    case 'callout':
      return [block.text];
    case 'list':
      return block.items;
    case 'facts':
      return block.rows.flatMap((row) => [row.label, row.value]);
    case 'reference':
      return [block.label, block.value];
    case 'table':
      return [block.caption, ...block.head, ...block.rows.flat()];
  }
}
