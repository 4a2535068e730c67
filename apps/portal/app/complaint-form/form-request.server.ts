import { ATTACHMENT_LIMITS, type SubmittedForm } from '@complaints/domain';
import { BodyTooLargeError, readBoundedBody } from '@complaints/http/bounded-body';
import type { ArrivedFile } from '@complaints/services';
import { unstable_parseMultipartFormData } from '@remix-run/node';

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


/**
 * The values of a form post. URL-encoded bodies are read up to a limit and decoded leniently
 * (bytes that are not UTF-8 become U+FFFD, which the checks then see); multipart bodies are read
 * part by part, files only when `files` is asked for, each up to the attachment size limit: a file
 * too big is named and its bytes dropped, so the rest of the post still counts.
 */
export async function readForm(request: Request, options: { files: boolean }): Promise<ReadForm> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  const max = options.files ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES;
  if (declared > max) return { ok: false, reason: 'too-large' };
  const type = request.headers.get('Content-Type') ?? '';
  try {
    if (/^multipart\/form-data/i.test(type)) return await readMultipart(request, options.files);
    const text = new TextDecoder('utf-8').decode(await readBoundedBody(request.body, MAX_FORM_BYTES));
    return { ok: true, form: submittedForm([...new URLSearchParams(text)]), files: [] };
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { ok: false, reason: 'too-large' };
    // A body that does not parse as a form reads as an empty form: every check then says what is missing.
    return { ok: true, form: submittedForm([]), files: [] };
  }
}

async function readMultipart(request: Request, acceptFiles: boolean): Promise<ReadForm> {
  const entries: Array<[string, string]> = [];
  const files: ArrivedFile[] = [];
  let total = 0;
  const budget = acceptFiles ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES;
  const drain = async (data: AsyncIterable<Uint8Array>, keepUpTo: number) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      total += chunk.byteLength;
      if (total > budget) throw new BodyTooLargeError();
      size += chunk.byteLength;
      if (size <= keepUpTo) chunks.push(chunk);
    }
    return { bytes: size <= keepUpTo ? Buffer.concat(chunks) : null, size };
  };
  await unstable_parseMultipartFormData(request, async (part) => {
    if (typeof part.filename !== 'string') {
      const { bytes } = await drain(part.data, MAX_TEXT_PART_BYTES);
      if (bytes) entries.push([part.name, new TextDecoder('utf-8').decode(bytes)]);
      return undefined;
    }
    const wanted = acceptFiles && part.name === 'files' && files.length < ATTACHMENT_LIMITS.files;
    const { bytes, size } = await drain(part.data, wanted ? ATTACHMENT_LIMITS.bytesPerFile : 0);
    // A file input left empty still sends a part with no name and no bytes.
    if (!acceptFiles || part.name !== 'files' || (part.filename === '' && size === 0)) return undefined;
    if (!wanted) files.push({ name: part.filename, refused: 'tooMany' });
    else if (!bytes) files.push({ name: part.filename, refused: 'tooBig' });
    else files.push({ name: part.filename, bytes });
    return undefined;
  });
  return { ok: true, form: submittedForm(entries), files };
}
