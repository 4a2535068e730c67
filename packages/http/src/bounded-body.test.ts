import { describe, expect, it } from 'vitest';
import { type FormBodyLimits, readFormBody } from './bounded-body';

const LIMITS: FormBodyLimits = { formBytes: 1024, textPartBytes: 64, files: { field: 'file', count: 1, bytesEach: 100, totalBytes: 600 } };
const BOUNDARY = 'test-boundary';

function multipart(parts: Array<{ name: string; filename?: string; body: string | Uint8Array }>): Uint8Array {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const file = part.filename === undefined ? '' : `; filename="${part.filename}"\r\nContent-Type: application/octet-stream`;
    pieces.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"${file}\r\n\r\n`), Buffer.from(part.body), Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(pieces);
}

function post(body: Uint8Array | string, type: string, options: { declareLength?: boolean } = {}): Request {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  // A stream, so that no length is declared unless asked for.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 50) controller.enqueue(bytes.subarray(i, i + 50));
      controller.close();
    },
  });
  const headers: Record<string, string> = { 'Content-Type': type };
  if (options.declareLength) headers['Content-Length'] = String(bytes.length);
  return new Request('http://localhost/form', { method: 'POST', body: stream, headers, duplex: 'half' } as RequestInit);
}

const formType = 'application/x-www-form-urlencoded';
const multipartType = `multipart/form-data; boundary=${BOUNDARY}`;

describe('reading a form post within limits', () => {
  it('reads URL-encoded fields, bytes that are not UTF-8 read as U+FFFD', async () => {
    const read = await readFormBody(post(Buffer.concat([Buffer.from('a=1&b=caf'), Buffer.from([0xe9]), Buffer.from('&a=2')]), formType), LIMITS);
    expect(read).toEqual({ ok: true, entries: [['a', '1'], ['b', 'caf\uFFFD'], ['a', '2']], files: [] });
  });

  it('refuses a body whose declared length is over the limit, and one that runs over it without declaring', async () => {
    expect(await readFormBody(post('a='.padEnd(2000, 'x'), formType, { declareLength: true }), LIMITS)).toEqual({ ok: false, reason: 'too-large' });
    expect(await readFormBody(post('a='.padEnd(2000, 'x'), formType), LIMITS)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('reads a multipart post: its fields, its one file, a second file refused by name, an empty file input left out', async () => {
    const read = await readFormBody(
      post(
        multipart([
          { name: 'note', body: 'hello' },
          { name: 'file', filename: 'a.txt', body: 'first file' },
          { name: 'file', filename: 'b.txt', body: 'second file' },
          { name: 'file', filename: '', body: '' },
        ]),
        multipartType,
      ),
      LIMITS,
    );
    expect(read.ok && read.entries).toEqual([['note', 'hello']]);
    expect(read.ok && read.files.map((f) => ('bytes' in f ? [f.name, Buffer.from(f.bytes).toString()] : [f.name, f.refused]))).toEqual([
      ['a.txt', 'first file'],
      ['b.txt', 'tooMany'],
    ]);
  });

  it('names a file over its limit without keeping its bytes, and drops a text field over its limit', async () => {
    const read = await readFormBody(post(multipart([{ name: 'note', body: 'x'.repeat(65) }, { name: 'file', filename: 'big.bin', body: 'y'.repeat(101) }]), multipartType), LIMITS);
    expect(read).toEqual({ ok: true, entries: [], files: [{ name: 'big.bin', refused: 'tooBig' }] });
  });

  it('reads no file from a form that takes none, and holds it to the form limit', async () => {
    const limits = { formBytes: 300, textPartBytes: 64 };
    const read = await readFormBody(post(multipart([{ name: 'file', filename: 'a.txt', body: 'bytes' }]), multipartType), limits);
    expect(read).toEqual({ ok: true, entries: [], files: [] });
    expect(await readFormBody(post(multipart([{ name: 'file', filename: 'a.txt', body: 'z'.repeat(400) }]), multipartType), limits)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('reads a body that is not a form as an empty one', async () => {
    expect(await readFormBody(post('--nonsense', multipartType), LIMITS)).toEqual({ ok: true, entries: [], files: [] });
  });
});
