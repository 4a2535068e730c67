import { unstable_parseMultipartFormData } from '@remix-run/node';

/** A request body that went over the limit it was read with. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/**
 * Reads a request body (or one part of it) into memory, up to `max` bytes; past that it stops
 * reading and throws, so a body far larger than it claimed is never held whole.
 */
export async function readBoundedBody(stream: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> {
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Headers for the answer to a body refused as too large: the connection is closed once the
 * answer is sent, so the rest of the body is neither read nor waited for (Node would otherwise
 * read and throw away all of it to keep the connection open for another request).
 */
export const REFUSED_BODY_HEADERS = { Connection: 'close' } as const;

/** A file a form sent: its bytes, or why they were not kept (too big, or more files than the form takes). */
export type ArrivedFilePart = { name: string; bytes: Uint8Array } | { name: string; refused: 'tooBig' | 'tooMany' };

export type FormBodyLimits = {
  /** A URL-encoded body, or a multipart one from a form that takes no file. */
  formBytes: number;
  /** Each text field of a multipart body. */
  textPartBytes: number;
  /** The files a form takes: the field they come in, how many are read, each one's most, and the whole body's most. */
  files?: { field: string; count: number; bytesEach: number; totalBytes: number };
};

export type ReadFormBody = { ok: true; entries: Array<[string, string]>; files: ArrivedFilePart[] } | { ok: false; reason: 'too-large' };

/**
 * The fields and files of a form post, read within limits so that no body (a huge string, a flood
 * of fields, a file where text should be, bytes that are not UTF-8) can exhaust the server or make
 * it fail. URL-encoded bodies are read up to a limit and decoded leniently (bytes that are not
 * UTF-8 become U+FFFD, which the form's checks then see); multipart bodies part by part, a file
 * too big named and its bytes dropped, so the rest of the post still counts. A body that does not
 * parse as a form reads as an empty one: every check then says what is missing.
 */
export async function readFormBody(request: Request, limits: FormBodyLimits): Promise<ReadFormBody> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  const multipart = /^multipart\/form-data/i.test(request.headers.get('Content-Type') ?? '');
  const budget = multipart && limits.files ? limits.files.totalBytes : limits.formBytes;
  if (declared > budget) return { ok: false, reason: 'too-large' };
  try {
    if (multipart) return { ok: true, ...(await readMultipart(request, limits, budget)) };
    const text = new TextDecoder('utf-8').decode(await readBoundedBody(request.body, limits.formBytes));
    return { ok: true, entries: [...new URLSearchParams(text)], files: [] };
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { ok: false, reason: 'too-large' };
    return { ok: true, entries: [], files: [] };
  }
}

async function readMultipart(request: Request, limits: FormBodyLimits, budget: number) {
  const entries: Array<[string, string]> = [];
  const files: ArrivedFilePart[] = [];
  let total = 0;
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
  const taken = limits.files;
  await unstable_parseMultipartFormData(request, async (part) => {
    if (typeof part.filename !== 'string') {
      const { bytes } = await drain(part.data, limits.textPartBytes);
      if (bytes) entries.push([part.name, new TextDecoder('utf-8').decode(bytes)]);
      return undefined;
    }
    // Only the files the form takes are read; one more is refused by name whatever it holds.
    const wanted = taken !== undefined && part.name === taken.field && files.length < taken.count;
    const { bytes, size } = await drain(part.data, wanted ? taken.bytesEach : 0);
    // A file input left empty still sends a part with no name and no bytes.
    if (!taken || part.name !== taken.field || (part.filename === '' && size === 0)) return undefined;
    if (!wanted) files.push({ name: part.filename, refused: 'tooMany' });
    else if (!bytes) files.push({ name: part.filename, refused: 'tooBig' });
    else files.push({ name: part.filename, bytes });
    return undefined;
  });
  return { entries, files };
}
