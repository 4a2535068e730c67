import { ATTACHMENT_LIMITS, type SubmittedForm } from '@complaints/domain';
import { readFormBody } from '@complaints/http/bounded-body';
import type { ArrivedFile } from '@complaints/services';

/**
 * Reading what a form sent, within limits, so that no body (a huge string, a flood of fields, a
 * file where text should be, bytes that are not UTF-8) can exhaust the server or make it fail:
 * the caller gets the values, or is told the body was too large to take.
 */

/** Far above what the longest honest page sends (20 points of 5,000 characters), far below harm. */
export const MAX_FORM_BYTES = 1024 * 1024;
/** A text field inside a multipart body. */
const MAX_TEXT_PART_BYTES = 64 * 1024;
/** Every file the documents page accepts, plus its other fields. */
const MAX_UPLOAD_BYTES = ATTACHMENT_LIMITS.files * (ATTACHMENT_LIMITS.bytesPerFile + 64 * 1024) + MAX_FORM_BYTES;

export type ReadForm = { ok: true; form: SubmittedForm; files: ArrivedFile[] } | { ok: false; reason: 'too-large' };


function submittedForm(entries: Array<[string, string]>): SubmittedForm {
  const byName = new Map<string, string[]>();
  for (const [name, value] of entries) {
    const list = byName.get(name);
    if (list) list.push(value);
    else byName.set(name, [value]);
  }
  return { names: () => byName.keys(), getAll: (name) => byName.get(name) ?? [] };
}


/** The values of a form post, and the files of the documents page when `files` is asked for. */
export async function readForm(request: Request, options: { files: boolean }): Promise<ReadForm> {
  const read = await readFormBody(request, {
    formBytes: MAX_FORM_BYTES,
    textPartBytes: MAX_TEXT_PART_BYTES,
    files: options.files ? { field: 'files', count: ATTACHMENT_LIMITS.files, bytesEach: ATTACHMENT_LIMITS.bytesPerFile, totalBytes: MAX_UPLOAD_BYTES } : undefined,
  });
  return read.ok ? { ok: true, form: submittedForm(read.entries), files: read.files } : read;
}
