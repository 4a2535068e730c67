import { queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { fixedClock } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { caseworkSuite } from '../testing/casework-fixture';
import { checkHistoryChains } from './check-history';

/*
 * The nightly check over a whole database (the demo's complaints, each with its history, and the
 * staff's audit entries): quiet while everything is as written; when a history is cut short in
 * the database, national office and the system administrators are emailed which one and where.
 */
describeEachDatabase('the nightly check of the history and the audit log', (database) => {
  const clock = fixedClock(new Date('2026-05-06T01:45:00Z'));
  const f = caseworkSuite(database, clock);
  const check = () => checkHistoryChains(f.deps, { backofficeUrl: 'https://staff.example.org' });
  const alerts = () =>
    queryRows<{ recipient: string; subject: string; text: string }>(f.db, sql`select recipient, payload->>'subject' as subject, payload->>'text' as text from outbox where template = 'staff.history_alert' order by recipient`);

  it('checks every chain and tells nobody when all is as written', async () => {
    const result = await check();
    expect(result.broken).toEqual([]);
    expect(result.alerted).toBe(0);
    const [{ complaints } = { complaints: 0 }] = await queryRows<{ complaints: number }>(f.db, sql`select count(distinct complaint_id)::int as complaints from complaint_events`);
    expect(complaints).toBeGreaterThan(10);
    expect(result.checked).toBeGreaterThanOrEqual(complaints);
    expect(await alerts()).toEqual([]);
  });

  it('emails national office and the system administrators which history was cut short, and from where', async () => {
    const [victim] = await queryRows<{ id: string; reference: string; last: number }>(
      f.db,
      sql`select c.id, c.reference, max(e.sequence)::int as last from complaints c join complaint_events e on e.complaint_id = c.id group by c.id, c.reference having max(e.sequence) >= 3 order by c.reference limit 1`,
    );
    await f.db.transaction(async (tx) => {
      await tx.execute(sql`alter table complaint_events disable trigger user`);
      await tx.execute(sql`delete from complaint_events where complaint_id = ${victim!.id} and sequence = ${victim!.last}`);
      await tx.execute(sql`alter table complaint_events enable trigger user`);
    });
    const result = await check();
    expect(result.broken).toEqual([{ chain: `complaint:${victim!.id}`, brokenAtSequence: victim!.last, reason: 'newest_removed' }]);

    const told = await queryRows<{ email: string }>(
      f.db,
      sql`select email from staff where active and role_key in ('national_office', 'system_administrator') order by email`,
    );
    expect(told.length).toBeGreaterThan(0);
    const sent = await alerts();
    expect(sent.map((a) => a.recipient)).toEqual(told.map((t) => t.email));
    expect(result.alerted).toBe(told.length);
    for (const alert of sent) {
      expect(alert.subject).toContain('The nightly check found a record that has been changed');
      expect(alert.text).toContain(`Complaint ${victim!.reference}: entries from ${victim!.last} onwards have been removed`);
      expect(alert.text).toContain(`Cwyn ${victim!.reference}`);
      expect(alert.text).toContain('https://staff.example.org/');
    }
  });
});
