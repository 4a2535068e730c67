import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appendComplaintEvents, checkEveryChain, openPostgres, queryRows, schema } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { fixedClock } from '@complaints/domain';
import { createLocalDiskStorage } from '@complaints/storage';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymiseExpiredComplaints } from './anonymise-expired-complaints';

/*
 * Retention over a database holding complaints of every age, each with distinctive personal values
 * in every place a complaint keeps them: the job, by a fake clock, anonymises exactly the
 * complaints closed more than six years before it; afterwards no personal value of theirs is found
 * in any column of any table, the others' values are all still there, the files are gone, the
 * reports' figures and every history's signatures hold, and a second run changes nothing.
 */
describeEachDatabase('retention', (database, kind) => {
  const now = new Date('2026-11-20T03:30:00Z');
  const clock = fixedClock(now);
  const folder = mkdtempSync(path.join(tmpdir(), 'retention-'));
  const storage = createLocalDiskStorage(folder);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  type Made = { tag: string; id: string; values: string[]; fileKey: string };
  const made: Record<string, Made> = {};
  let staffId = '';
  let areaId = '';

  async function complaintFor(tag: string, n: number, at: { state: 'closed' | 'withdrawn' | 'investigating'; endedAt: Date | null }): Promise<Made> {
    const db = database().db;
    const name = `Quillfeather${tag}`;
    const email = `${tag}.inbox@example.net`;
    const phone = `07700 90${n}${n}${n}${n}`;
    const phoneDigits = `0770090${n}${n}${n}${n}`;
    const address = `${n} Marigold${tag} Lane`;
    const point = `The report about Pointtext${tag} was late`;
    const outcome = `Desired${tag} an apology`;
    const note = `Notetext${tag} rang to say`;
    const reason = `Corrected at the request of ${name}`;
    const letterText = `Dear Letterbody${tag}`;
    const fileName = `Filename${tag}.pdf`;
    const oldName = `Oldname${tag}`;
    const survey = `Surveyword${tag} was kind`;
    const [complaint] = await db
      .insert(schema.complaints)
      .values({
        reference: `CMP-${randomBytes(3).toString('hex').toUpperCase()}`,
        channel: n % 2 === 0 ? 'online' : 'letter',
        receivedAt: new Date('2019-03-04T10:00:00Z'),
        receivedOn: '2019-03-04',
        stage: 1,
        state: at.state,
        businessAreaId: areaId,
        desiredOutcome: outcome,
        courtCaseNumber: `ZZ${n}${tag}`,
        responseSentAt: at.endedAt ? new Date(at.endedAt.getTime() - 86_400_000 * n) : null,
        closedAt: at.state === 'closed' ? at.endedAt : null,
        withdrawnAt: at.state === 'withdrawn' ? at.endedAt : null,
      })
      .returning();
    const id = complaint!.id;
    await db.insert(schema.complainants).values({ complaintId: id, role: 'parent_or_carer', fullName: name, email, phone, postalAddress: address, postcode: 'SW1A 1AA', preferredContact: 'email' });
    const [p] = await db.insert(schema.complaintPoints).values({ complaintId: id, position: 1, text: point, categoryKey: 'communication', triage: 'organisation' }).returning();
    await db.insert(schema.pointAnswers).values({ pointId: p!.id, stage: 1, decision: 'upheld', reasons: `Because ${name} was not told` });
    const fileKey = await storage.put(new TextEncoder().encode(`The bytes of ${name}'s evidence`));
    const [file] = await db
      .insert(schema.attachments)
      .values({ complaintId: id, storageKey: fileKey, originalName: fileName, contentType: 'application/pdf', sizeBytes: 30, sha256: 'x' })
      .returning();
    await db.insert(schema.caseNotes).values({ complaintId: id, kind: 'note', text: note, authorId: staffId, attachmentId: file!.id });
    await db.insert(schema.complainantCorrections).values({ complaintId: id, changes: [{ field: 'fullName', from: oldName, to: name }], reason, correctedBy: staffId });
    const [letter] = await db
      .insert(schema.letters)
      .values({ complaintId: id, stage: 1, kind: 'closure', audience: 'adult', language: 'en', state: 'sent', subject: `Your complaint, ${name}`, html: `<p>${letterText}</p>`, delivery: 'email', recipient: email })
      .returning();
    await db.insert(schema.outbox).values({ complaintId: id, letterId: letter!.id, channel: 'email', template: 'complainant.letter', recipient: email, language: 'en', payload: { subject: `For ${name}`, text: `${letterText} at ${address}` }, status: 'sent' });
    await db.insert(schema.surveyResponses).values({ complaintId: id, invitedAt: now, answeredAt: now, answers: { satisfaction: 4, comments: survey } });
    await appendComplaintEvents(db, id, [
      { type: 'complaint.submitted', stage: 1, actorType: 'complainant', occurredAt: new Date('2019-03-04T10:00:00Z'), visibility: 'public', payload: { channel: 'online', points: 1 } },
      { type: 'complainant.corrected', stage: 1, actorType: 'staff', actorStaffId: staffId, occurredAt: new Date('2019-03-05T10:00:00Z'), visibility: 'internal', reason, payload: { correctionId: id, fields: ['fullName'] } },
    ]);
    return { tag, id, fileKey, values: [name, email, phone, phoneDigits, address, point, outcome, note, reason, letterText, fileName, oldName, survey, `ZZ${n}${tag}`] };
  }

  /** Every column of every table that can hold text or bytes, in every schema but the catalogue's. */
  async function columnsToSearch() {
    return queryRows<{ table_schema: string; table_name: string; column_name: string; data_type: string }>(
      database().db,
      sql`select c.table_schema, c.table_name, c.column_name, c.data_type
          from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
          where c.table_schema not in ('pg_catalog', 'information_schema')
            and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'bytea', 'ARRAY', 'USER-DEFINED')`,
    );
  }

  /** Where in the whole database any of these values is found, as "schema.table.column: value". */
  async function findAnywhere(values: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const c of await columnsToSearch()) {
      const column = sql.raw(`"${c.column_name}"`);
      const table = sql.raw(`"${c.table_schema}"."${c.table_name}"`);
      for (const value of values) {
        const condition =
          c.data_type === 'bytea'
            ? sql`position(convert_to(${value}, 'UTF8') in ${column}) > 0`
            : sql`${column}::text ilike ${`%${value.replace(/[%_\\]/g, (m) => `\\${m}`)}%`}`;
        const [hit] = await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from ${table} where ${condition}`);
        if (hit!.n > 0) found.push(`${c.table_schema}.${c.table_name}.${c.column_name}: ${value}`);
      }
    }
    return found;
  }

  /** The figures the reports are made from, computed here in SQL of the test's own. */
  async function reportFigures() {
    const db = database().db;
    return {
      byChannelStageState: await queryRows(db, sql`select channel, stage, state, kind, count(*)::int as n from complaints group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
      byCategory: await queryRows(db, sql`select category_key, triage, count(*)::int as n from complaint_points group by 1, 2 order by 1, 2`),
      byDecision: await queryRows(db, sql`select decision, count(*)::int as n from point_answers group by 1 order by 1`),
      daysToAnswer: await queryRows(
        db,
        sql`select channel, count(response_sent_at)::int as answered, sum(extract(epoch from response_sent_at - received_at) / 86400)::int as days from complaints group by 1 order by 1`,
      ),
      survey: await queryRows(db, sql`select sum((answers ->> 'satisfaction')::int)::int as total, count(*)::int as n from survey_responses`),
    };
  }

  /** What the database said when it refused: the driver's error wraps it as its cause. */
  async function refusalOf(attempt: Promise<unknown>): Promise<string> {
    try {
      await attempt;
      return 'not refused';
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause;
      return cause?.message ?? (error as Error).message;
    }
  }

  let figuresBefore: Awaited<ReturnType<typeof reportFigures>>;
  let firstRun: Awaited<ReturnType<typeof anonymiseExpiredComplaints>>;

  beforeAll(async () => {
    const db = database().db;
    const [area] = await db.insert(schema.businessAreas).values({ code: `R${randomBytes(3).toString('hex')}`, nameEn: 'Area', nameCy: 'Ardal' }).returning();
    areaId = area!.id;
    const [person] = await db.insert(schema.staff).values({ email: `retention-${randomBytes(3).toString('hex')}@staff.example.org`, fullName: 'A Manager', roleKey: 'national_office' }).returning();
    staffId = person!.id;
    // Closed more than six years before the clock, and withdrawn longer ago still: anonymised.
    made.alpha = await complaintFor('alpha', 1, { state: 'closed', endedAt: new Date('2020-01-15T12:00:00Z') });
    made.bravo = await complaintFor('bravo', 2, { state: 'withdrawn', endedAt: new Date('2019-06-01T12:00:00Z') });
    made.charlie = await complaintFor('charlie', 3, { state: 'closed', endedAt: new Date('2020-11-19T12:00:00Z') });
    // Closed just under six years before the clock, closed lately, and still open: kept as they are.
    made.delta = await complaintFor('delta', 4, { state: 'closed', endedAt: new Date('2020-11-20T04:00:00Z') });
    made.echo = await complaintFor('echo', 5, { state: 'closed', endedAt: new Date('2025-02-01T12:00:00Z') });
    made.foxtrot = await complaintFor('foxtrot', 6, { state: 'investigating', endedAt: null });
    figuresBefore = await reportFigures();
    firstRun = await anonymiseExpiredComplaints({ db, clock, storage });
  }, 120_000);

  const expired = ['alpha', 'bravo', 'charlie'];
  const kept = ['delta', 'echo', 'foxtrot'];

  it('anonymises exactly the complaints that ended more than six years before the clock', async () => {
    expect(firstRun.failed).toEqual([]);
    expect(firstRun.years).toBe(6);
    expect([...firstRun.anonymised].sort()).toEqual(expired.map((t) => made[t]!.id).sort());
    expect(firstRun).toMatchObject({ files: 3, letters: 3, emails: 3, reasons: 3 });
    const anonymised = await queryRows<{ complaint_id: string }>(database().db, sql`select complaint_id from complainants where anonymised_at is not null`);
    expect(anonymised.map((r) => r.complaint_id).sort()).toEqual(expired.map((t) => made[t]!.id).sort());
  });

  it('leaves no personal value of theirs in any column of any table, and every value of the others', async () => {
    const gone = expired.flatMap((t) => made[t]!.values);
    expect(await findAnywhere(gone)).toEqual([]);
    for (const t of kept) {
      const found = new Set((await findAnywhere(made[t]!.values)).map((hit) => hit.slice(hit.lastIndexOf(': ') + 2)));
      expect([...found].sort(), t).toEqual([...made[t]!.values].sort());
    }
  }, 300_000);

  it('removes their files from storage and keeps the others', async () => {
    for (const t of expired) expect(await storage.get(made[t]!.fileKey), t).toBeNull();
    for (const t of kept) expect(await storage.get(made[t]!.fileKey), t).not.toBeNull();
  });

  it('keeps every figure the reports count', async () => {
    expect(await reportFigures()).toEqual(figuresBefore);
  });

  it('records what it did: the move in the history, an audit entry by ids, and every chain still holds', async () => {
    const db = database().db;
    for (const t of expired) {
      const events = await queryRows<{ type: string; actor_type: string; reason: string | null; payload: Record<string, number> }>(
        db,
        sql`select type, actor_type, reason, payload from complaint_events where complaint_id = ${made[t]!.id} order by sequence`,
      );
      expect(events.map((e) => e.type)).toEqual(['complaint.submitted', 'complainant.corrected', 'complaint.anonymised']);
      expect(events.every((e) => e.reason === null)).toBe(true);
      expect(events[2]).toMatchObject({ actor_type: 'system', payload: { files: 1, letters: 1, emails: 1, reasons: 1 } });
      const audit = await queryRows<{ staff_id: string | null }>(db, sql`select staff_id from audit_log where complaint_id = ${made[t]!.id} and action = 'complaint.anonymised'`);
      expect(audit).toEqual([{ staff_id: null }]);
    }
    for (const t of kept) {
      const [reason] = await queryRows<{ reason: string }>(db, sql`select reason from complaint_events where complaint_id = ${made[t]!.id} and reason is not null`);
      expect(reason!.reason).toContain(`Quillfeather${t}`);
    }
    expect((await checkEveryChain(db)).broken).toEqual([]);
  });

  it('changes nothing more when run again', async () => {
    const db = database().db;
    const snapshot = () => queryRows(db, sql`select complaint_id, sequence, hash from complaint_events order by complaint_id, sequence`);
    const before = await snapshot();
    const again = await anonymiseExpiredComplaints({ db, clock, storage });
    expect(again.anonymised).toEqual([]);
    expect(again.failed).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses, in the database, a complaint that has not expired', async () => {
    const db = database().db;
    for (const t of ['delta', 'echo', 'foxtrot']) {
      expect(
        await refusalOf(db.execute(sql`select rewrite_expired_history(${made[t]!.id}::uuid, ${now.toISOString()}::timestamptz, '[]'::jsonb, '', '')`)),
        t,
      ).toMatch(/has not reached the end of its retention/);
    }
  });

  it('keeps the history shut to everything but that function', async () => {
    const db = database().db;
    expect(await refusalOf(db.execute(sql`update complaint_events set reason = null where complaint_id = ${made.delta!.id}`))).toMatch(/append-only/);
    expect(
      await refusalOf(
        db.transaction(async (tx) => {
          await tx.execute(sql`set local complaints.retention = 'on'`);
          await tx.execute(sql`update complaint_events set reason = null where complaint_id = ${made.delta!.id}`);
        }),
      ),
    ).toMatch(/append-only/);
    // Nor does a row in the opening made by hand for another transaction.
    expect(
      await refusalOf(
        db.transaction(async (tx) => {
          await tx.execute(sql`insert into history_rewrites (txid, complaint_id) values (txid_current() + 1, ${made.delta!.id})`);
          await tx.execute(sql`update complaint_events set reason = null where complaint_id = ${made.delta!.id}`);
        }),
      ),
    ).toMatch(/append-only/);
    expect(await refusalOf(db.execute(sql`update history_chains set head_hash = 'x' where chain = ${`complaint:${made.delta!.id}`}`))).toMatch(/only grows/);
    expect(await refusalOf(db.execute(sql`delete from complaint_events where complaint_id = ${made.delta!.id}`))).toMatch(/append-only/);
    expect(await refusalOf(db.execute(sql`truncate complaint_events`))).toMatch(/append-only/);
    expect(await refusalOf(db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
  });

  if (kind === 'postgres') {
    describe('who may call it', () => {
      it('refuses a role that is not the worker, even when allowed to execute it', async () => {
        const db = database().db;
        const role = `retention_probe_${randomBytes(4).toString('hex')}`;
        await db.execute(sql.raw(`CREATE ROLE ${role} LOGIN`));
        const url = new URL(database().url!);
        url.username = role;
        url.password = '';
        const probe = postgres(url.toString(), { max: 1, onnotice: () => {} });
        const call = () => probe`select rewrite_expired_history(${made.alpha!.id}::uuid, ${now.toISOString()}::timestamptz, '[]'::jsonb, '', '')`;
        try {
          expect(await refusalOf(call())).toMatch(/permission denied/);
          await db.execute(sql.raw(`GRANT EXECUTE ON FUNCTION rewrite_expired_history(uuid, timestamptz, jsonb, text, text) TO ${role}`));
          expect(await refusalOf(call())).toMatch(/only the worker/);
        } finally {
          await probe.end();
          await db.execute(sql.raw(`REVOKE EXECUTE ON FUNCTION rewrite_expired_history(uuid, timestamptz, jsonb, text, text) FROM ${role}`));
          await db.execute(sql.raw(`DROP ROLE ${role}`));
        }
      });

      it('runs with no more than what the worker is granted', async () => {
        const db = database().db;
        made.golf = await complaintFor('golf', 7, { state: 'closed', endedAt: new Date('2018-05-01T12:00:00Z') });
        const role = `retention_worker_${randomBytes(4).toString('hex')}`;
        await db.execute(sql.raw(`CREATE ROLE ${role} LOGIN IN ROLE complaints_worker`));
        const url = new URL(database().url!);
        url.username = role;
        url.password = '';
        const asWorker = await openPostgres(url.toString(), { max: 1 });
        try {
          const run = await anonymiseExpiredComplaints({ db: asWorker.db, clock, storage });
          expect(run).toMatchObject({ anonymised: [made.golf.id], failed: [], files: 1, letters: 1, emails: 1, reasons: 1 });
          // Not even the worker may change the history, or open it, but through the function.
          const [event] = await queryRows<{ id: number }>(asWorker.db, sql`select id from complaint_events where complaint_id = ${made.delta!.id} limit 1`);
          expect(await refusalOf(asWorker.db.execute(sql`update complaint_events set reason = null where id = ${event!.id}`))).toMatch(/permission denied/);
          expect(await refusalOf(asWorker.db.execute(sql`insert into history_rewrites (txid, complaint_id) values (txid_current(), ${made.delta!.id})`))).toMatch(/permission denied/);
        } finally {
          await asWorker.close();
          await db.execute(sql.raw(`DROP ROLE ${role}`));
        }
        expect(await findAnywhere(made.golf.values)).toEqual([]);
        expect((await checkEveryChain(db)).broken).toEqual([]);
      });
    });
  }
});
