import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../client';
import { insertBareComplaint, testEvent } from '../testing/bare-complaint';
import { describeEachDatabase } from '../testing/test-database';
import { appendComplaintEvents, listComplaintEvents, verifyComplaintHistory } from './complaint-history';

describeEachDatabase('complaint history', (database) => {
  const newComplaint = () => insertBareComplaint(database().db);
  const event = testEvent;

  it('numbers events in order and chains each to the one before', async () => {
    const id = await newComplaint();
    await appendComplaintEvents(database().db, id, [event('complaint.submitted', 0), event('complaint.logged', 5)]);
    await appendComplaintEvents(database().db, id, [event('complaint.acknowledged', 9)]);
    const events = await listComplaintEvents(database().db, id);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(events[0]!.previousHash).toBeNull();
    expect(events[1]!.previousHash).toBe(events[0]!.hash);
    expect(events[2]!.previousHash).toBe(events[1]!.hash);
    expect(await verifyComplaintHistory(database().db, id)).toEqual({ intact: true, events: 3 });
  });

  it('refuses to change or delete history', async () => {
    const id = await newComplaint();
    await appendComplaintEvents(database().db, id, [event('complaint.submitted', 0)]);
    await expect(database().db.execute(sql`update complaint_events set type = 'x' where complaint_id = ${id}`)).rejects.toThrow();
    await expect(database().db.execute(sql`delete from complaint_events where complaint_id = ${id}`)).rejects.toThrow();
  });

  it('shows where a history was tampered with, even by someone who bypasses the guard', async () => {
    const id = await newComplaint();
    await appendComplaintEvents(database().db, id, [event('complaint.submitted', 0), event('complaint.logged', 5), event('complaint.acknowledged', 9)]);
    await database().db.transaction(async (tx) => {
      await tx.execute(sql`alter table complaint_events disable trigger complaint_events_append_only`);
      await tx.execute(sql`update complaint_events set payload = '{"note":"rewritten"}'::jsonb where complaint_id = ${id} and sequence = 2`);
      await tx.execute(sql`alter table complaint_events enable trigger complaint_events_append_only`);
    });
    expect(await verifyComplaintHistory(database().db, id)).toEqual({ intact: false, events: 3, brokenAtSequence: 2, reason: 'changed' });
  });

  it('never gives two events of one complaint the same number', async () => {
    const id = await newComplaint();
    await appendComplaintEvents(database().db, id, [event('a.one', 0)]);
    await expect(
      database().db.execute(
        sql`insert into complaint_events (complaint_id, sequence, type, stage, actor_type, occurred_at, visibility, hash, hash_kind) values (${id}, 1, 'dup.x', 1, 'system', now(), 'internal', 'x', 'hmac-sha256')`,
      ),
    ).rejects.toThrow();
    const rows = await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from complaint_events where complaint_id = ${id}`);
    expect(rows[0]!.n).toBe(1);
  });
});
