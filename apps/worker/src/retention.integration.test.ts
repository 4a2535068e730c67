import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '@complaints/config';
import { appendComplaintEvents, queryRows, schema } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { fixedClock } from '@complaints/domain';
import { createLocalDiskStorage } from '@complaints/storage';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { prepareJobQueue, SCHEDULED_JOBS } from './worker';

/*
 * The worker's nightly retention job over a database that also holds the job queue's schema: the
 * expired complaint's values are found nowhere afterwards, the job queue's tables included.
 */
describeEachDatabase('the retention job in the worker', (database) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'worker-retention-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('anonymises an expired complaint and leaves none of its values in any schema, the job queue included', async () => {
    const db = database().db;
    await prepareJobQueue(database());
    const storage = createLocalDiskStorage(folder);
    const name = 'Wrenfeatherjuliet';
    const email = 'juliet.wrenfeather@example.net';
    const reason = `Asked by ${name} on the phone`;
    const [area] = await db.insert(schema.businessAreas).values({ code: `W${randomBytes(3).toString('hex')}`, nameEn: 'Area', nameCy: 'Ardal' }).returning();
    const [complaint] = await db
      .insert(schema.complaints)
      .values({
        reference: `CMP-${randomBytes(3).toString('hex').toUpperCase()}`,
        channel: 'online',
        receivedAt: new Date('2018-01-04T10:00:00Z'),
        receivedOn: '2018-01-04',
        state: 'closed',
        closedAt: new Date('2018-03-01T10:00:00Z'),
        businessAreaId: area!.id,
        desiredOutcome: `An apology to ${name}`,
      })
      .returning();
    await db.insert(schema.complainants).values({ complaintId: complaint!.id, role: 'parent_or_carer', fullName: name, email, preferredContact: 'email' });
    await appendComplaintEvents(db, complaint!.id, [
      { type: 'complaint.submitted', stage: 1, actorType: 'complainant', occurredAt: new Date('2018-01-04T10:00:00Z'), visibility: 'public', reason, payload: { channel: 'online' } },
    ]);

    const run = await SCHEDULED_JOBS.retention.run({
      database: database(),
      clock: fixedClock('2026-11-20T03:30:00Z'),
      logger: createLogger('worker-test', 'silent'),
      attachments: storage,
      backofficeUrl: 'https://backoffice.example.org',
    });
    expect(run.anonymised).toEqual([complaint!.id]);

    const columns = await queryRows<{ table_schema: string; table_name: string; column_name: string; data_type: string }>(
      db,
      sql`select c.table_schema, c.table_name, c.column_name, c.data_type from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
          where c.table_schema not in ('pg_catalog', 'information_schema')
            and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'bytea', 'ARRAY', 'USER-DEFINED')`,
    );
    expect(columns.some((c) => c.table_schema === 'jobs')).toBe(true);
    const found: string[] = [];
    for (const c of columns) {
      for (const value of [name, email]) {
        const column = sql.raw(`"${c.column_name}"`);
        const condition = c.data_type === 'bytea' ? sql`position(convert_to(${value}, 'UTF8') in ${column}) > 0` : sql`${column}::text ilike ${`%${value}%`}`;
        const [hit] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.raw(`"${c.table_schema}"."${c.table_name}"`)} where ${condition}`);
        if (hit!.n > 0) found.push(`${c.table_schema}.${c.table_name}.${c.column_name}`);
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});
