import { mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFormDraft, insertDraftAttachment, insertFormDraft, queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { fixedClock } from '@complaints/domain';
import { createLocalDiskStorage } from '@complaints/storage';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { removeExpiredRecords } from '../housekeeping/remove-expired-records';
import { forgetThisDevice } from './forget-this-device';

describeEachDatabase('forgetting a device', (database) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'forget-device-'));
  const storage = createLocalDiskStorage(folder);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const now = new Date('2026-06-10T14:00:00Z');
  let count = 0;
  /** A draft behind a cookie token, with one file uploaded to it. */
  async function draftWithFile(flow: 'adult' | 'child') {
    count += 1;
    const token = `${String(count).padStart(2, '0')}${'a'.repeat(41)}`;
    const id = createHash('sha256').update(token).digest('hex');
    const db = database().db;
    await insertFormDraft(db, { id, flow, data: { answers: { fullName: 'Sam' } }, now, expiresAt: new Date(now.getTime() + 86_400_000) });
    const key = await storage.put(new TextEncoder().encode(`a letter for ${id}`));
    await insertDraftAttachment(db, { draftId: id, storageKey: key, originalName: 'letter.txt', contentType: 'text/plain', sizeBytes: 20, sha256: 'x', now });
    return { token, id, key };
  }

  it('removes the drafts behind the tokens given, with their files, and no one else\'s', async () => {
    const db = database().db;
    const adult = await draftWithFile('adult');
    const child = await draftWithFile('child');
    const someoneElse = await draftWithFile('adult');

    const forgotten = await forgetThisDevice({ db, clock: fixedClock(now), storage }, { draftTokens: [adult.token, child.token, null, 'not a token'] });

    expect(forgotten).toEqual({ drafts: 2, filesDeleted: 2 });
    expect(await storage.get(adult.key)).toBeNull();
    expect(await storage.get(child.key)).toBeNull();
    expect(await storage.get(someoneElse.key)).not.toBeNull();
    const drafts = await queryRows<{ id: string }>(db, sql`select id from form_drafts`);
    expect(drafts.map((d) => d.id)).toEqual([someoneElse.id]);
    const files = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from attachments where draft_id in (${adult.id}, ${child.id})`);
    expect(files[0]!.n).toBe(0);
  });

  it('ends the drafts at once when a file cannot be deleted, and the nightly housekeeping finishes the work', async () => {
    const db = database().db;
    const stuck = await draftWithFile('adult');
    const failing = { ...storage, delete: async () => Promise.reject(new Error('The disk is read-only.')) };
    await expect(forgetThisDevice({ db, clock: fixedClock(now), storage: failing }, { draftTokens: [stuck.token] })).rejects.toThrow(/read-only/);
    expect(await findFormDraft(db, stuck.id, now)).toBeNull();

    await removeExpiredRecords({ db, clock: fixedClock(new Date(now.getTime() + 60_000)), storage });
    expect(await storage.get(stuck.key)).toBeNull();
    const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from form_drafts where id = ${stuck.id}`);
    expect(rows[0]!.n).toBe(0);
  });

  it('never touches a complaint that was sent, or the files that went with it', async () => {
    const db = database().db;
    const sent = await draftWithFile('child');
    const [complaint] = await queryRows<{ id: string }>(
      db,
      sql`insert into complaints (reference, channel, received_at, received_on, state) values ('CMP-DEVI-0001', 'online', now(), current_date, 'received') returning id`,
    );
    await db.execute(sql`update attachments set complaint_id = ${complaint!.id} where draft_id = ${sent.id}`);
    await db.execute(sql`update form_drafts set complaint_id = ${complaint!.id}, data = '{}'::jsonb where id = ${sent.id}`);

    expect(await forgetThisDevice({ db, clock: fixedClock(now), storage }, { draftTokens: [sent.token] })).toEqual({ drafts: 1, filesDeleted: 0 });
    expect(await storage.get(sent.key)).not.toBeNull();
    const kept = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from attachments where complaint_id = ${complaint!.id}`);
    expect(kept[0]!.n).toBe(1);
    const complaints = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from complaints where id = ${complaint!.id}`);
    expect(complaints[0]!.n).toBe(1);
  });
});
