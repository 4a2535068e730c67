import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { insertDraftAttachment, insertFormDraft, queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { fixedClock } from '@complaints/domain';
import { createLocalDiskStorage } from '@complaints/storage';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { removeExpiredRecords } from './remove-expired-records';

describeEachDatabase('nightly housekeeping', (database) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'housekeeping-'));
  const storage = createLocalDiskStorage(folder);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const now = new Date('2026-06-10T03:15:00Z');
  async function draftWithFile(id: string, expiresAt: Date) {
    const db = database().db;
    await insertFormDraft(db, { id, flow: 'adult', data: {}, now: new Date(expiresAt.getTime() - 86_400_000), expiresAt });
    const key = await storage.put(new TextEncoder().encode(`a letter for ${id}`));
    await insertDraftAttachment(db, { draftId: id, storageKey: key, originalName: 'letter.txt', contentType: 'text/plain', sizeBytes: 20, sha256: 'x', now });
    return key;
  }

  it('removes drafts that were never sent, with the files uploaded to them, and nothing else', async () => {
    const db = database().db;
    const expiredKey = await draftWithFile('expired-draft', new Date(now.getTime() - 60_000));
    const liveKey = await draftWithFile('live-draft', new Date(now.getTime() + 3_600_000));

    const removed = await removeExpiredRecords({ db, clock: fixedClock(now), storage });

    expect(removed).toMatchObject({ drafts: 1, draftFiles: 1, filesDeleted: 1 });
    expect(await storage.get(expiredKey)).toBeNull();
    expect(await storage.get(liveKey)).not.toBeNull();
    const left = await queryRows<{ id: string }>(db, sql`select id from form_drafts order by id`);
    expect(left.map((r) => r.id)).toEqual(['live-draft']);
    const files = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from attachments where draft_id = 'expired-draft'`);
    expect(files[0]!.n).toBe(0);
  });

  it('removes an expired draft that was sent, but never the complaint or its files', async () => {
    const db = database().db;
    const [complaint] = await queryRows<{ id: string }>(
      db,
      sql`insert into complaints (reference, channel, received_at, received_on, state) values ('CMP-TEST-0001', 'online', now(), current_date, 'received') returning id`,
    );
    const key = await draftWithFile('sent-draft', new Date(now.getTime() - 60_000));
    await db.execute(sql`update attachments set complaint_id = ${complaint!.id}, draft_id = null where draft_id = 'sent-draft'`);
    await db.execute(sql`update form_drafts set complaint_id = ${complaint!.id} where id = 'sent-draft'`);
    await removeExpiredRecords({ db, clock: fixedClock(now), storage });
    const drafts = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from form_drafts where id = 'sent-draft'`);
    expect(drafts[0]!.n).toBe(0);
    expect(await storage.get(key)).not.toBeNull();
    const files = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from attachments where complaint_id = ${complaint!.id}`);
    expect(files[0]!.n).toBe(1);
  });

  it('keeps every row when a file cannot be deleted, so the next run tries again', async () => {
    const db = database().db;
    const key = await draftWithFile('stuck-draft', new Date(now.getTime() - 60_000));
    const failing = { ...storage, delete: async () => Promise.reject(new Error('The disk is read-only.')) };
    await expect(removeExpiredRecords({ db, clock: fixedClock(now), storage: failing })).rejects.toThrow(/read-only/);
    const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from attachments where draft_id = 'stuck-draft'`);
    expect(rows[0]!.n).toBe(1);
    await removeExpiredRecords({ db, clock: fixedClock(now), storage });
    expect(await storage.get(key)).toBeNull();
  });
});
