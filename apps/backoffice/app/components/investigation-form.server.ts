import { ATTACHMENT_LIMITS, COMPLAINT_LIMITS, type FieldProblem } from '@complaints/domain';
import { readFormBody } from '@complaints/http/bounded-body';
import { type ArrivedFile, CASE_NOTE_LIMITS, CORRECTION_LIMITS, CORRESPONDENCE_LIMITS, INFORMATION_LIMITS, WITHDRAWAL_LIMITS } from '@complaints/services';
import type { TFunction } from 'i18next';
import { type Attempt, problemText } from './casework-page.server';

/**
 * Reading the investigation forms, and their problems in words. A form that carries a file posts
 * as multipart (it works with JavaScript off); it is read part by part within limits, so no body
 * can exhaust the server: text fields up to a size, the one file up to the attachment limit (a
 * bigger one is named and its bytes dropped, so the rest of the form still counts).
 */

/** Far above what the longest honest form sends, far below harm. */
const MAX_FORM_BYTES = 256 * 1024;
const MAX_TEXT_PART_BYTES = 64 * 1024;
/** The most a post with files may be: a file at the limit, one more for a second file refused, and the fields. */
const MAX_UPLOAD_BYTES = 2 * (ATTACHMENT_LIMITS.bytesPerFile + 64 * 1024) + MAX_FORM_BYTES;

export type InvestigationForm = {
  /** The first value sent under a name, or '' when none was. */
  text: (name: string) => string;
  all: (name: string) => string[];
  /** Names of the fields sent, in order. */
  names: () => string[];
  files: ArrivedFile[];
};

export type ReadInvestigationForm = { ok: true; form: InvestigationForm } | { ok: false; reason: 'too-large' };


function formOf(entries: Array<[string, string]>, files: ArrivedFile[]): InvestigationForm {
  return {
    text: (name) => entries.find(([n]) => n === name)?.[1] ?? '',
    all: (name) => entries.filter(([n]) => n === name).map(([, v]) => v),
    names: () => [...new Set(entries.map(([n]) => n))],
    files,
  };
}


/** The values of a form post, and the file sent in its `file` field (one only). */
export async function readInvestigationForm(request: Request): Promise<ReadInvestigationForm> {
  const read = await readFormBody(request, {
    formBytes: MAX_FORM_BYTES,
    textPartBytes: MAX_TEXT_PART_BYTES,
    files: { field: 'file', count: 1, bytesEach: ATTACHMENT_LIMITS.bytesPerFile, totalBytes: MAX_UPLOAD_BYTES },
  });
  return read.ok ? { ok: true, form: formOf(read.entries, read.files) } : read;
}

/** The most each field may hold, for the words that say so. */
const LIMITS: Record<string, number> = {
  noteText: CASE_NOTE_LIMITS.noteText,
  summary: Math.max(CORRESPONDENCE_LIMITS.summary, INFORMATION_LIMITS.summary),
  reason: Math.max(CORRECTION_LIMITS.reason, WITHDRAWAL_LIMITS.reason),
  pointText: COMPLAINT_LIMITS.pointText,
};
const number = new Intl.NumberFormat('en-GB');
const megabytes = String(ATTACHMENT_LIMITS.bytesPerFile / (1024 * 1024));

/**
 * The words for one problem on an investigation page: the page's own wording where it has one,
 * then the namespace's, then casework's and the complaint form's (for the fields they share).
 */
export function investigationProblemText(t: TFunction, page: string, problem: Pick<FieldProblem, 'message'>, fileName: string | null): string {
  const [field, kind] = problem.message.split('.');
  const max = field === 'points' ? (kind === 'tooMany' ? INFORMATION_LIMITS.newPoints : COMPLAINT_LIMITS.points) : LIMITS[field ?? ''];
  const values = { max: max === undefined ? undefined : number.format(max), name: fileName ?? '', size: megabytes, defaultValue: '' };
  return t(`investigation:${page}.validation.${problem.message}`, values) || t(`investigation:validation.${problem.message}`, values) || problemText(t, problem);
}

/**
 * What a form shows after a refusal: each field's problem (once per field), or the reason the move
 * cannot be made now, linked to the form's button.
 */
export function investigationProblems(
  t: TFunction,
  page: string,
  failure: Extract<Attempt<unknown>, { ok: false }>,
  options: { fileName?: string | null; idFor?: (field: string) => string; submitId: string },
): Array<{ field: string; text: string }> {
  if (failure.code !== 'invalid_input' || failure.problems.length === 0) return [{ field: options.submitId, text: t(`casework:refusals.${failure.code}`) }];
  const seen = new Set<string>();
  return failure.problems
    .map((p) => ({ field: options.idFor ? options.idFor(p.field) : (p.field.split('.')[0] ?? p.field), text: investigationProblemText(t, page, p, options.fileName ?? null) }))
    .filter((p) => (seen.has(p.field) ? false : (seen.add(p.field), true)));
}

/** The page's problem when what was sent was too large to read at all. */
export function tooLargeProblem(t: TFunction): { field: string; text: string } {
  return { field: 'file', text: t('investigation:validation.file.tooLarge', { size: megabytes }) };
}

/** Hint under a file field: what may be sent. */
export function fileHint(t: TFunction): string {
  return t('investigation:fileHint', { size: megabytes });
}
