import { type SQL, sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { queryRows } from '../client';
import { useHistoryKey } from '../history-seal';
import { insertBareComplaint, testEvent } from '../testing/bare-complaint';
import { describeEachDatabase, TEST_HISTORY_KEY } from '../testing/test-database';
import { recordAudit } from './audit-log';
import { appendComplaintEvents, complaintChain, eventHash, listComplaintEvents, verifyComplaintHistory } from './complaint-history';
import { readChainHead } from './history-chains';
import { checkEveryChain } from './history-check';

/*
 * The history and the audit log signed with a key kept outside the database, and each chain's
 * length and newest signature kept: what someone who can write to the database (and switch the
 * append-only guards off, as its owner can) but has not got the key can and cannot do unnoticed.
 */
describeEachDatabase('signed history chains', (database) => {
  afterEach(() => useHistoryKey(TEST_HISTORY_KEY));

  const newComplaint = () => insertBareComplaint(database().db);
  const event = testEvent;

  async function complaintWithThreeEvents() {
    const id = await newComplaint();
    await appendComplaintEvents(database().db, id, [event('complaint.submitted', 0), event('complaint.logged', 5)]);
    await appendComplaintEvents(database().db, id, [event('complaint.acknowledged', 9)]);
    return id;
  }

  /** What the database's owner can do: switch the append-only guards off and write as they like. */
  async function asOwnerWithoutGuards(...statements: SQL[]) {
    await database().db.transaction(async (tx) => {
      await tx.execute(sql`alter table complaint_events disable trigger user`);
      await tx.execute(sql`alter table audit_log disable trigger user`);
      for (const statement of statements) await tx.execute(statement);
      await tx.execute(sql`alter table complaint_events enable trigger user`);
      await tx.execute(sql`alter table audit_log enable trigger user`);
    });
  }

  it('signs each event with the key: under another key, the same history does not check out', async () => {
    const id = await complaintWithThreeEvents();
    expect(await verifyComplaintHistory(database().db, id)).toEqual({ intact: true, events: 3 });
    expect((await listComplaintEvents(database().db, id)).map((e) => e.hashKind)).toEqual(['hmac-sha256', 'hmac-sha256', 'hmac-sha256']);
    expect(await readChainHead(database().db, complaintChain(id))).toMatchObject({ length: 3 });
    useHistoryKey(new Uint8Array(32).fill(1));
    expect(await verifyComplaintHistory(database().db, id)).toMatchObject({ intact: false, brokenAtSequence: 1, reason: 'changed' });
  });

  it('finds events rewritten and chained again with plain SHA-256 by someone without the key', async () => {
    const id = await complaintWithThreeEvents();
    const [first, second, third] = await listComplaintEvents(database().db, id);
    const forged2 = eventHash({ ...second!, payload: { note: 'rewritten' }, previousHash: first!.hash }, 'sha256');
    const forged3 = eventHash({ ...third!, previousHash: forged2 }, 'sha256');
    await asOwnerWithoutGuards(
      sql`update complaint_events set payload = '{"note":"rewritten"}'::jsonb, hash = ${forged2}, hash_kind = 'sha256' where complaint_id = ${id} and sequence = 2`,
      sql`update complaint_events set previous_hash = ${forged2}, hash = ${forged3}, hash_kind = 'sha256' where complaint_id = ${id} and sequence = 3`,
    );
    expect(await verifyComplaintHistory(database().db, id)).toEqual({ intact: false, events: 3, brokenAtSequence: 2, reason: 'changed' });
  });

  it('finds the newest events removed, by the kept length', async () => {
    const id = await complaintWithThreeEvents();
    await asOwnerWithoutGuards(sql`delete from complaint_events where complaint_id = ${id} and sequence = 3`);
    expect(await verifyComplaintHistory(database().db, id)).toEqual({ intact: false, events: 2, brokenAtSequence: 3, reason: 'newest_removed' });
  });

  it('refuses to set a kept head back, delete it, or empty the history, the audit log or the heads at one stroke', async () => {
    const id = await complaintWithThreeEvents();
    const chain = complaintChain(id);
    await expect(database().db.execute(sql`update history_chains set length = 2 where chain = ${chain}`)).rejects.toThrow();
    await expect(database().db.execute(sql`delete from history_chains where chain = ${chain}`)).rejects.toThrow();
    for (const table of ['history_chains', 'audit_log', 'complaint_events']) {
      await expect(database().db.execute(sql.raw(`truncate ${table}`))).rejects.toThrow();
    }
    // No session setting opens them either.
    await expect(
      database().db.transaction(async (tx) => {
        await tx.execute(sql`set local complaints.retention = 'on'`);
        await tx.execute(sql`delete from complaint_events where complaint_id = ${id}`);
      }),
    ).rejects.toThrow();
    expect(await readChainHead(database().db, chain)).toMatchObject({ length: 3 });
    expect(await verifyComplaintHistory(database().db, id)).toEqual({ intact: true, events: 3 });
  });

  it('chains each audit entry to the one before for the same person, numbered without gaps when written at once', async () => {
    await Promise.all(Array.from({ length: 6 }, (_, i) => recordAudit(database().db, { staffId: null, action: `test.parallel.${i}` })));
    const rows = await queryRows<{ sequence: number; previous_hash: string | null; hash: string }>(
      database().db,
      sql`select sequence, previous_hash, hash from audit_log where chain = 'audit:anonymous' order by sequence`,
    );
    expect(rows.map((r) => r.sequence)).toEqual(rows.map((_, i) => i + 1));
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.previous_hash).toBe(rows[i - 1]!.hash);
    expect((await checkEveryChain(database().db)).broken.filter((b) => b.chain === 'audit:anonymous')).toEqual([]);
  });

  it('continues an audit chain another process wrote to since, and writes an entry in one statement only after the head it was signed after', async () => {
    const db = database().db;
    const chain = 'audit:anonymous';
    await recordAudit(db, { staffId: null, action: 'test.first' });
    await recordAudit(db, { staffId: null, action: 'test.second' });
    // Another process's entry (written the long way, inside a transaction, so this one does not learn of it).
    await db.transaction((tx) => recordAudit(tx, { staffId: null, action: 'test.elsewhere' }));
    await recordAudit(db, { staffId: null, action: 'test.third' });
    await recordAudit(db, { staffId: null, action: 'test.fourth' });
    const rows = await queryRows<{ sequence: number; action: string }>(db, sql`select sequence, action from audit_log where chain = ${chain} order by sequence`);
    expect(rows.map((r) => r.action).slice(-5)).toEqual(['test.first', 'test.second', 'test.elsewhere', 'test.third', 'test.fourth']);
    expect(rows.map((r) => r.sequence)).toEqual(rows.map((_, i) => i + 1));
    expect((await checkEveryChain(db)).broken.filter((b) => b.chain === chain)).toEqual([]);

    // Signed after a head that is no longer the chain's: nothing written.
    const head = (await readChainHead(db, chain))!;
    const stale = await queryRows<{ appended: boolean }>(
      db,
      sql`select append_audit_entry(${chain}, ${head.length - 1}, ${'not-the-head'}, now(), null, 'test.stale', null, null, null, 'forged', 'forged') as appended`,
    );
    expect(stale).toEqual([{ appended: false }]);
    expect(await readChainHead(db, chain)).toEqual(head);
    expect((await queryRows(db, sql`select 1 from audit_log where action = 'test.stale'`)).length).toBe(0);
  });

  it('the check of every chain finds each broken history and audit chain, and adopts whole histories written before the key', async () => {
    // A history written before the key: plain SHA-256 and no kept head.
    const legacy = await newComplaint();
    let previousHash: string | null = null;
    for (const [i, e] of [event('complaint.submitted', 0), event('complaint.logged', 5)].entries()) {
      const row = { complaintId: legacy, sequence: i + 1, type: e.type, stage: e.stage, actorType: e.actorType, actorStaffId: null, occurredAt: e.occurredAt, visibility: e.visibility, reason: null, payload: e.payload, previousHash };
      const hash = eventHash(row, 'sha256');
      await database().db.execute(
        sql`insert into complaint_events (complaint_id, sequence, type, stage, actor_type, occurred_at, visibility, payload, previous_hash, hash, hash_kind)
            values (${legacy}, ${row.sequence}, ${row.type}, 1, 'system', ${row.occurredAt.toISOString()}, 'internal', ${JSON.stringify(row.payload)}::jsonb, ${previousHash}, ${hash}, 'sha256')`,
      );
      previousHash = hash;
    }
    expect(await verifyComplaintHistory(database().db, legacy)).toEqual({ intact: true, events: 2 });

    const cut = await complaintWithThreeEvents();
    const whole = await complaintWithThreeEvents();
    for (let i = 0; i < 3; i += 1) await recordAudit(database().db, { staffId: null, action: `test.check.${i}` });
    const [{ middle } = { middle: 0 }] = await queryRows<{ middle: number }>(database().db, sql`select max(sequence) - 1 as middle from audit_log where chain = 'audit:anonymous'`);

    const first = await checkEveryChain(database().db, { pageSize: 2 });
    expect(first.adopted).toBeGreaterThanOrEqual(1);
    expect(await readChainHead(database().db, complaintChain(legacy))).toMatchObject({ length: 2 });
    const mine = (check: Awaited<ReturnType<typeof checkEveryChain>>) =>
      check.broken.filter((b) => [complaintChain(legacy), complaintChain(cut), complaintChain(whole), 'audit:anonymous'].includes(b.chain));
    expect(mine(first)).toEqual([]);

    await asOwnerWithoutGuards(
      sql`delete from complaint_events where complaint_id = ${cut} and sequence = 3`,
      sql`delete from complaint_events where complaint_id = ${legacy} and sequence = 2`,
      sql`delete from audit_log where chain = 'audit:anonymous' and sequence = ${middle}`,
    );
    const second = await checkEveryChain(database().db, { pageSize: 2 });
    expect(second.adopted).toBe(0);
    expect(second.checked).toBeGreaterThanOrEqual(4);
    expect(mine(second)).toEqual(
      expect.arrayContaining([
        { chain: complaintChain(cut), brokenAtSequence: 3, reason: 'newest_removed' },
        { chain: complaintChain(legacy), brokenAtSequence: 2, reason: 'newest_removed' },
        { chain: 'audit:anonymous', brokenAtSequence: middle + 1, reason: 'changed' },
      ]),
    );
    expect(mine(second)).toHaveLength(3);
  });
});
