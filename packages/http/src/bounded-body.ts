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
