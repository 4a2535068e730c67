import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { ATTACHMENT_LIMITS, fixedClock } from '@complaints/domain';
import { createLocalDiskStorage } from '@complaints/storage';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { attachDraftFiles, type ArrivedFile } from './attach-draft-files';

describeEachDatabase('files sent on the documents page', (database) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'draft-files-'));
  const storage = createLocalDiskStorage(folder);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const now = new Date('2026-06-10T14:00:00Z');
  const deps = () => ({ db: database().db, clock: fixedClock(now), randomBytes: (n: number) => new Uint8Array(randomBytes(n)), storage });
  const post = { clientIp: '192.0.2.1', honeypot: undefined, limits: { limit: 10_000, windowSeconds: 600, sends: { limit: 10_000, windowSeconds: 3600 } } };
  const text = (name: string, words = `A note called ${name}.`): ArrivedFile => ({ name, bytes: new TextEncoder().encode(words) });
  const upload = (token: string | null, files: ArrivedFile[]) =>
    attachDraftFiles(deps(), { flow: 'adult', token, pageId: 'documents', files, continueAfter: false, returningToCheck: false, post });

  it('never keeps more than five files on a draft, however many uploads arrive at the same moment', async () => {
    const first = await upload(null, [text('first.txt')]);
    const token = 'token' in first ? first.token! : '';
    expect(token).not.toBe('');

    // Eight uploads of two files each, all at once, to a draft holding one: four more fit.
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(token, [text(`a${i}.txt`), text(`b${i}.txt`)])));

    const rows = await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from attachments where draft_id = (select draft_id from attachments where original_name = 'first.txt')`);
    expect(rows[0]!.n).toBe(ATTACHMENT_LIMITS.files);
    const refused = results.flatMap((r) => (r.kind === 'page' ? r.problems : [])).filter((p) => p.message === 'attachment.tooMany');
    expect(refused).toHaveLength(8 * 2 - (ATTACHMENT_LIMITS.files - 1));
    // The bytes of the files refused were not left behind: one stored file for each row.
    const keys = await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from attachments`);
    expect(readdirSync(folder, { recursive: true, withFileTypes: true }).filter((f) => f.isFile())).toHaveLength(keys[0]!.n);
  });

  it('names a file by what its bytes are, and refuses bytes of a kind not accepted by name', async () => {
    const result = await upload(null, [text('invoice\u202Efdp.exe', '<script>alert(1)</script>'), { name: 'archive.pdf', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) }]);
    expect(result.kind).toBe('page');
    if (result.kind !== 'page') return;
    expect(result.problems).toEqual([{ field: 'attachments', message: 'attachment.wrongType', values: { name: 'archive.pdf' } }]);
    const rows = await queryRows<{ original_name: string; content_type: string }>(
      database().db,
      sql`select original_name, content_type from attachments where draft_id = (select draft_id from attachments where original_name = 'invoicefdp.txt')`,
    );
    expect(rows).toEqual([{ original_name: 'invoicefdp.txt', content_type: 'text/plain' }]);
  });
});
