import { createHash } from 'node:crypto';
import { organisation } from '@complaints/content';
import type { Timescales } from '@complaints/domain';
import { translator } from '@complaints/i18n/server';
import type { DocumentBlock, DocumentPicture, DocumentSource } from '../document-model';
import { type DocumentLanguage, PUBLIC_DOCUMENTS, type PublicDocumentId } from './catalogue';
import { readDocumentContent } from './content-files';
import { type ContentBlock, type ContentPicture, PERSONAL_PLACEHOLDERS, type PlaceholderName, placeholdersIn } from './content-schema';

/**
 * Bump when the PDF's layout changes without its words changing, so browsers holding the old file
 * (keyed by the fingerprint) fetch the new one.
 */
export const LAYOUT_REVISION = 2;

/** The case's details in a welcome pack printed for one family. Contact details may be unknown. */
export type PersonalDetails = {
  practitionerName: string;
  teamName: string;
  teamPhone?: string | null;
  teamEmail?: string | null;
  teamAddress?: string | null;
  caseReference: string;
};

export type BuildOptions = {
  timescales: Timescales;
  /** The portal's public address, printed so a reader of the paper can find the web version. */
  portalUrl: string;
  personal?: PersonalDetails;
};

export type BuiltDocument = {
  id: PublicDocumentId;
  language: DocumentLanguage;
  source: DocumentSource;
  /**
   * A hash of everything the reader sees (the words as filled in, the timescales in them, the
   * organisation's details, the addresses) and the layout revision. It names the cached PDF and is
   * its ETag, so a change to any of them is a new PDF.
   */
  fingerprint: string;
};

const built = new Map<string, BuiltDocument>();
const BUILT_LIMIT = 64;

/**
 * A leaflet or welcome pack as a `DocumentSource`: its words from content/documents, every
 * placeholder filled in from the organisation's details, the timescales and the web addresses.
 * The same source becomes the web page and the PDF.
 */
export function buildPublicDocument(id: PublicDocumentId, language: DocumentLanguage, options: BuildOptions): BuiltDocument {
  const { content, version } = readDocumentContent(id, language);
  // Personalised packs are built once each and never kept: they carry a family's details.
  const key = options.personal ? null : `${id}|${language}|${version}|${options.portalUrl}|${JSON.stringify(options.timescales)}`;
  const known = key ? built.get(key) : undefined;
  if (known) return known;

  const values = documentValues(id, language, options);
  const form = options.personal ? 'personalised' : 'general';
  const blocks = content.blocks
    .filter((block) => !block.when || block.when === form)
    .map((block) => fillBlock(block, values))
    .filter((block): block is DocumentBlock => block !== null);
  const title = fillRequired(content.title, values);
  const hasPictures = blocks.some((b) => 'picture' in b && b.picture);
  const source: DocumentSource = {
    title,
    language,
    audience: PUBLIC_DOCUMENTS[id].audience,
    ...(PUBLIC_DOCUMENTS[id].format === 'easy-read' ? { format: 'easy-read' as const } : {}),
    organisationName: organisation.name[language],
    blocks,
    webVersionNote: fillRequired(content.webVersionNote, values),
    ...(hasPictures ? { credits: translator(language, 'documents')('pictureCredit') } : {}),
    ...(options.personal ? { footer: `${title} · ${options.personal.caseReference}` } : {}),
  };
  const fingerprint = createHash('sha256').update(JSON.stringify({ layout: LAYOUT_REVISION, source })).digest('hex').slice(0, 32);
  const result: BuiltDocument = { id, language, source, fingerprint };
  if (key) {
    built.set(key, result);
    if (built.size > BUILT_LIMIT) built.delete(built.keys().next().value!);
  }
  return result;
}

/** The value of every placeholder for one document in one language. */
export function documentValues(id: PublicDocumentId, language: DocumentLanguage, options: BuildOptions): Partial<Record<PlaceholderName, string>> {
  const t = translator(language, 'documents');
  const days = (count: number) => (count === 0 ? t('sameWorkingDay') : t('workingDays', { count }));
  const address = (path: string) => webAddress(options.portalUrl, path, language);
  const { contact, ombudsman } = organisation;
  const { timescales, personal } = options;
  return {
    organisationName: organisation.name[language],
    phone: contact.phone,
    textRelay: contact.textRelay,
    email: contact.email,
    postalAddress: contact.postalAddress,
    openingHours: contact.openingHours[language],
    phsoName: ombudsman.phso.name[language],
    phsoPhone: ombudsman.phso.phone,
    phsoWebsite: withoutScheme(ombudsman.phso.website),
    psowName: ombudsman.psow.name[language],
    psowPhone: ombudsman.psow.phone,
    psowWebsite: withoutScheme(ombudsman.psow.website),
    webAddress: address(PUBLIC_DOCUMENTS[id].path),
    portalAddress: address('/'),
    privacyAddress: address('/privacy'),
    adultLeafletAddress: address(PUBLIC_DOCUMENTS['leaflet-adult'].path),
    easyReadLeafletAddress: address(PUBLIC_DOCUMENTS['leaflet-easy-read'].path),
    childLeafletAddress: address(PUBLIC_DOCUMENTS['leaflet-child'].path),
    adultWelcomePackAddress: address(PUBLIC_DOCUMENTS['welcome-pack-adult'].path),
    childWelcomePackAddress: address(PUBLIC_DOCUMENTS['welcome-pack-child'].path),
    acknowledgeTime: days(timescales.acknowledge),
    stage1ResponseTime: days(timescales.stage_1_response),
    stage1ExtensionTime: days(timescales.stage_1_extension_max),
    stage2AcknowledgeTime: days(timescales.stage_2_acknowledge),
    stage2ResponseTime: days(timescales.stage_2_response),
    stage2ExtensionTime: days(timescales.stage_2_extension_max),
    ...(personal
      ? {
          practitionerName: personal.practitionerName,
          teamName: personal.teamName,
          caseReference: personal.caseReference,
          ...(personal.teamPhone ? { teamPhone: personal.teamPhone } : {}),
          ...(personal.teamEmail ? { teamEmail: personal.teamEmail } : {}),
          ...(personal.teamAddress ? { teamAddress: personal.teamAddress.replace(/\s*\n\s*/g, ', ') } : {}),
        }
      : {}),
  };
}

/**
 * A web address as it is printed: without "https://", which readers need not type, and with the
 * language asked for when it is not English, so the Welsh paper opens the Welsh page.
 */
export function webAddress(portalUrl: string, path: string, language: DocumentLanguage): string {
  // Resolved relative to the portal's address, so a portal served under a path keeps it.
  const url = new URL(path.replace(/^\//, ''), portalUrl.endsWith('/') ? portalUrl : `${portalUrl}/`);
  const place = withoutScheme(`${url.origin}${url.pathname}`).replace(/\/$/, '');
  return language === 'en' ? place : `${place}?lng=${language}`;
}

function withoutScheme(url: string): string {
  return url.replace(/^https:\/\//, '');
}

type Values = Partial<Record<PlaceholderName, string>>;

/** Fills a text; null when it names a personal detail this pack does not have. */
function fill(text: string, values: Values): string | null {
  let missing = false;
  const filled = text.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (_, name: string) => {
    const value = values[name as PlaceholderName];
    if (value === undefined || value === '') {
      if (!(PERSONAL_PLACEHOLDERS as readonly string[]).includes(name)) throw new Error(`No value for {{${name}}}.`);
      missing = true;
      return '';
    }
    return value;
  });
  return missing ? null : filled;
}

function fillRequired(text: string, values: Values): string {
  const filled = fill(text, values);
  if (filled === null) throw new Error(`Missing a personal detail for: ${placeholdersIn(text).join(', ')}`);
  return filled;
}

/**
 * Fills a block. In a table of facts, a row whose detail is unknown (a team with no email) is left
 * out rather than printed empty; everywhere else every placeholder must have a value.
 */
function fillBlock(block: ContentBlock, values: Values): DocumentBlock | null {
  switch (block.kind) {
    case 'heading':
      return { kind: 'heading', level: block.level, text: fillRequired(block.text, values) };
    case 'paragraph':
      return { kind: 'paragraph', text: fillRequired(block.text, values), ...(block.style ? { style: block.style } : {}), ...pictureOf(block.picture) };
    case 'callout':
      return { kind: 'callout', text: fillRequired(block.text, values), ...pictureOf(block.picture) };
    case 'list':
      return {
        kind: 'list',
        items: block.items.map((item) => fillRequired(item, values)),
        ...(block.ordered ? { ordered: true } : {}),
        ...pictureOf(block.picture),
      };
    case 'facts': {
      const rows = block.rows.flatMap((row) => {
        const value = fill(row.value, values);
        return value === null ? [] : [{ label: fillRequired(row.label, values), value }];
      });
      return rows.length > 0 ? { kind: 'facts', rows } : null;
    }
    case 'reference':
      return { kind: 'reference', label: fillRequired(block.label, values), value: fillRequired(block.value, values) };
    case 'table':
      return {
        kind: 'table',
        caption: fillRequired(block.caption, values),
        head: block.head.map((h) => fillRequired(h, values)),
        rows: block.rows.map((row) => row.map((cell) => fillRequired(cell, values))),
      };
  }
}

/** A picture as the renderers take it: a decorative one has empty alternative text. */
function pictureOf(picture: ContentPicture | undefined): { picture?: DocumentPicture } {
  if (!picture) return {};
  return { picture: { name: picture.name, alt: 'alt' in picture ? picture.alt : '' } };
}
