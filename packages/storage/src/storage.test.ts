import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidStorageKeyError } from './attachment-storage';
import { detectContentType } from './content-type';
import { createLocalDiskStorage } from './local-disk-storage';

const folder = mkdtempSync(path.join(tmpdir(), 'storage-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('local disk storage', () => {
  const storage = createLocalDiskStorage(folder);

  it('stores bytes under a random key, gives them back and deletes them', async () => {
    const key = await storage.put(new TextEncoder().encode('hello'));
    expect(key).toMatch(/^[0-9a-f]{48}$/);
    expect(new TextDecoder().decode((await storage.get(key))!)).toBe('hello');
    // Only this user may read what people sent us.
    expect(statSync(path.join(folder, key.slice(0, 2), key)).mode & 0o777).toBe(0o600);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key);
  });

  it('never uses the same key twice', async () => {
    const keys = await Promise.all(Array.from({ length: 20 }, () => storage.put(new Uint8Array([1]))));
    expect(new Set(keys).size).toBe(20);
  });

  it('refuses anything that is not a key, so no path can reach outside its folder', async () => {
    await expect(storage.get('../../etc/passwd')).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.delete('ab/../../x')).rejects.toBeInstanceOf(InvalidStorageKeyError);
    expect(readdirSync(folder).every((name) => /^[0-9a-f]{2}$/.test(name))).toBe(true);
  });
});

/** A zip with its files stored uncompressed: enough to stand for an Office document. */
function storedZip(files: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const contentTypes = (main: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="${main}.main+xml"/></Types>`;

describe('detectContentType', () => {
  it('does not recognise a file cut short inside its structure, rather than failing', async () => {
    expect(await detectContentType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).toBeNull();
  });

  it('judges the five kinds we accept from their bytes', async () => {
    expect(await detectContentType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'))).toBe('application/pdf');
    expect(await detectContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]))).toBe('image/jpeg');
    expect(await detectContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))).toBe(
      'image/png',
    );
    const docx = storedZip({
      '[Content_Types].xml': contentTypes('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
      'word/document.xml': '<w:document/>',
    });
    expect(await detectContentType(docx)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await detectContentType(Buffer.from('Dear team,\r\nNobody called me back.\n\tDŵr ŷd\n'))).toBe('text/plain');
  });

  it('tells a macro-enabled Word file and a plain zip from a Word document', async () => {
    const docm = storedZip({
      '[Content_Types].xml': contentTypes('application/vnd.ms-word.document.macroEnabled'),
      'word/document.xml': '<w:document/>',
    });
    expect(await detectContentType(docm)).not.toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await detectContentType(storedZip({ 'notes.txt': 'hello' }))).toBe('application/zip');
  });

  it('ignores the name a file claims and finds nothing in empty, binary or broken text', async () => {
    expect(await detectContentType(new Uint8Array())).toBeNull();
    expect(await detectContentType(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).not.toBe('text/plain');
    expect(await detectContentType(Buffer.from([0x68, 0x69, 0xc3, 0x28]))).toBeNull();
    expect(await detectContentType(Buffer.from('text with a \u0000 nul'))).toBeNull();
  });
});
