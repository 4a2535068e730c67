import { type AttachmentRecord, listAreaChoices, listDraftAttachments, type Executor } from '@complaints/db';
import { type AreaChoice, type FieldDefinition, type FieldProblem, flattenFields, type PageDefinition, type TypedValues } from '@complaints/domain';

/** A file on the documents page: what the complainant sees of it. */
export type DraftFile = { id: string; name: string; sizeBytes: number; contentType: string };

/** A problem on a page: a field, a message key, and any words the message needs (a file's name). */
export type PageProblem = FieldProblem & { values?: Record<string, string> };

/** Everything a question page needs to be shown: the page, what is in its fields, and its problems. */
export type PageView = {
  page: PageDefinition;
  /** The page's fields asked now, given the answers so far. */
  fields: FieldDefinition[];
  typed: TypedValues;
  problems: PageProblem[];
  /** The page the back link goes to; none before the first page. */
  previousPageId: string | undefined;
  areas: AreaChoice[];
  files: DraftFile[];
};

export function usesAreas(page: PageDefinition): boolean {
  return flattenFields(page.fields).some((f) => (f.kind === 'radios' || f.kind === 'checkboxes') && f.optionsFrom === 'serviceAreas');
}

export function usesFiles(page: PageDefinition): boolean {
  return page.fields.some((f) => f.kind === 'attachments');
}

export async function areasFor(db: Executor, page: PageDefinition): Promise<AreaChoice[]> {
  return usesAreas(page) ? listAreaChoices(db) : [];
}

export async function filesFor(db: Executor, page: PageDefinition, draftId: string | null): Promise<DraftFile[]> {
  if (!usesFiles(page) || !draftId) return [];
  return (await listDraftAttachments(db, draftId)).map(toDraftFile);
}

export function toDraftFile(a: AttachmentRecord): DraftFile {
  return { id: a.id, name: a.originalName, sizeBytes: a.sizeBytes, contentType: a.contentType };
}
