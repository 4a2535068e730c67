import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, readEnvironment } from '@complaints/config';
import { type DatabaseHandle, openPostgres, queryRows } from '@complaints/db';
import { openTestDatabase } from '@complaints/db/testing';
import { DEFAULT_QUEUE_QUERY, fixedClock } from '@complaints/domain';
import type { EmailTransport } from '@complaints/notifications';
import { openRuntime, type Runtime } from '@complaints/services/runtime';
import { acknowledgedComplaint, answeredComplaint, type CaseworkFixture, caseworkFixture, closedComplaint, loggedComplaint, NORTH } from '@complaints/services/testing';
import { insertCompleteAdultDrafts } from '@complaints/services/testing/complete-drafts';
import { attachmentStorageFor, createLocalDiskStorage } from '@complaints/storage';
import { SCHEDULED_JOBS, startWorker } from '@complaints/worker';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrateAsOwner } from './migrate-as-owner';

/**
 * Each part connects as a login role in its part's group, as the README's production set-up makes
 * them, after the migrate step has run as the owner; the parts start with DATABASE_MIGRATE=false.
 * Roles belong to the whole server and test files run at once, so each run makes its own.
 */
const PARTS = ['portal', 'backoffice', 'worker'] as const;
type Part = (typeof PARTS)[number];

const template = inject('postgresTemplate');
const run = randomBytes(4).toString('hex');
const loginOf = (part: Part) => `${part}_login_${run}`;
const clock = fixedClock('2026-11-24T11:00:00Z');

function urlAs(url: string, user: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = '';
  return u.toString();
}

function environmentAs(url: string, part: Part) {
  return readEnvironment({
    DATABASE_URL: urlAs(url, loginOf(part)),
    DATABASE_MIGRATE: 'false',
    DEMO: 'true',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), `roles-${part}-`)),
    LOG_LEVEL: 'silent',
  });
}

/** The SQLSTATE a statement fails with, or null when it succeeds. */
async function failureOf(statement: Promise<unknown>): Promise<string | null> {
  try {
    await statement;
    return null;
  } catch (error) {
    const { code, cause } = error as { code?: string; cause?: { code?: string } };
    return code ?? cause?.code ?? 'no code';
  }
}

describe.skipIf(!template)('each part as its own database role (PostgreSQL)', () => {
  let owner: DatabaseHandle;
  let f: CaseworkFixture;
  const as = {} as Record<Part, postgres.Sql>;
  const runtimes = {} as Record<Part, Runtime>;
  const folders: string[] = [];

  beforeAll(async () => {
    const admin = postgres(template!.url, { max: 1, onnotice: () => {} });
    try {
      for (const part of PARTS) await admin.unsafe(`CREATE ROLE ${loginOf(part)} LOGIN IN ROLE complaints_${part}`);
    } finally {
      await admin.end();
    }
    owner = await openTestDatabase('postgres');
    await migrateAsOwner(owner);
    f = await caseworkFixture(owner.db, clock);
    for (const part of PARTS) {
      as[part] = postgres(urlAs(owner.url!, loginOf(part)), { max: 1, onnotice: () => {} });
      const env = environmentAs(owner.url!, part);
      folders.push(env.DATA_DIR);
      runtimes[part] = await openRuntime(env, { clock, signsInStaff: part === 'backoffice' });
    }
  });

  afterAll(async () => {
    for (const part of PARTS) {
      await runtimes[part]?.close();
      await as[part]?.end();
    }
    await owner?.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    const admin = postgres(template!.url, { max: 1, onnotice: () => {} });
    try {
      for (const part of PARTS) await admin.unsafe(`DROP ROLE IF EXISTS ${loginOf(part)}`);
    } finally {
      await admin.end();
    }
  });

  async function stateOf(id: string): Promise<string> {
    const [row] = await queryRows<{ state: string }>(owner.db, sql`select state from complaints where id = ${id}`);
    return row!.state;
  }

  /** Opens the tracking page as the portal does: the reference, then the code emailed for it. */
  async function openTracking(id: string) {
    const portal = runtimes.portal.services;
    const [complaint] = await queryRows<{ reference: string }>(owner.db, sql`select reference from complaints where id = ${id}`);
    const address = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const started = await portal.tracking.start({ typed: complaint!.reference, clientIp: address });
    if (started.outcome !== 'asked-for-code') throw new Error(started.outcome);
    const [email] = await queryRows<{ text: string }>(
      owner.db,
      sql`select payload->>'text' as text from outbox where complaint_id = ${id} and template = 'tracking.code' order by created_at desc limit 1`,
    );
    const opened = await portal.tracking.confirmCode({ token: started.token, typed: /\b(\d{6})\b/.exec(email!.text)![1]!, clientIp: address });
    if (opened.outcome !== 'opened') throw new Error(opened.outcome);
    const session = await portal.tracking.resume({ token: opened.sessionToken, requestId: 'roles-test' });
    return { session: session!, token: opened.sessionToken };
  }

  it('keeps staff accounts, their sessions and second factors, and the audit log from the portal', async () => {
    for (const table of ['staff', 'staff_sessions', 'staff_recovery_codes', 'audit_log']) {
      expect(await failureOf(as.portal.unsafe(`select * from ${table} limit 1`)), table).toBe('42501');
    }
    // What the portal shows of staff comes through the narrow view, which has no secrets to give.
    const [contact] = await as.portal.unsafe('select * from staff_contacts limit 1');
    expect(Object.keys(contact!).sort()).toEqual(['active', 'business_area_id', 'email', 'full_name', 'id', 'job_title', 'phone', 'service_area_id', 'team_id']);
  });

  it("keeps the annual self-assessment to the back office, which may write it but not remove it", async () => {
    for (const part of ['portal', 'worker'] as const) {
      expect(await failureOf(as[part].unsafe('select * from annual_self_assessments limit 1')), part).toBe('42501');
    }
    expect(await as.backoffice.unsafe('select * from annual_self_assessments limit 1')).toEqual([]);
    expect(await failureOf(as.backoffice.unsafe('delete from annual_self_assessments')), 'backoffice deleting').toBe('42501');
  });

  it('lets no part change or remove the history or the audit log', async () => {
    for (const part of PARTS) {
      for (const [table, column] of [
        ['complaint_events', 'type'],
        ['audit_log', 'action'],
      ]) {
        expect(await failureOf(as[part].unsafe(`update ${table} set ${column} = ${column}`)), `${part} updating ${table}`).toBe('42501');
        expect(await failureOf(as[part].unsafe(`delete from ${table}`)), `${part} deleting from ${table}`).toBe('42501');
        expect(await failureOf(as[part].unsafe(`truncate ${table}`)), `${part} emptying ${table}`).toBe('42501');
      }
      expect(await failureOf(as[part].unsafe('delete from history_chains')), `${part} deleting chain heads`).toBe('42501');
      expect(await failureOf(as[part].unsafe('create table mine (id int)')), `${part} changing the schema`).toBe('42501');
    }
  });

  it('lets the portal take a complaint and show its complainant the tracking page', async () => {
    const portal = runtimes.portal.services;
    const [draft] = await insertCompleteAdultDrafts(owner.db, 1, { now: clock.now() });
    const sent = await portal.complaintForm.submit({
      flow: 'adult',
      token: draft!.token,
      formKey: draft!.formKey,
      pageLanguage: 'en',
      post: { clientIp: '198.51.100.7', honeypot: '', limits: { limit: 1000, windowSeconds: 600, sends: { limit: 1000, windowSeconds: 3600 } } },
    });
    expect(sent).toMatchObject({ kind: 'sent', repeated: false });

    // The tracking page: the manager's name and how to reach them, the answers once sent, the
    // letters, and each of the complainant's moves.
    const answered = await answeredComplaint(f);
    const { session } = await openTracking(answered);
    const page = await portal.tracking.view(session);
    expect(page.manager?.email).toBe(NORTH.manager);
    expect(page.points.some((p) => p.answer !== null)).toBe(true);
    const [letter] = await queryRows<{ id: string }>(owner.db, sql`select id from letters where complaint_id = ${answered} and state = 'sent' limit 1`);
    expect(await portal.tracking.viewLetter(session, letter!.id)).toBeTruthy();
    expect(await portal.tracking.downloadLetter(session, letter!.id)).toBeTruthy();
    await portal.tracking.askForReview({ ...session, submissionKey: 'roles-review' }, {});
    expect(await stateOf(answered)).toBe('received');

    const acknowledged = await acknowledgedComplaint(f);
    const opened = await openTracking(acknowledged);
    const filesFolder = mkdtempSync(path.join(tmpdir(), 'roles-files-'));
    folders.push(filesFolder);
    const storage = createLocalDiskStorage(filesFolder);
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await portal.tracking.addInformation({ ...opened.session, submissionKey: 'roles-information' }, { summary: 'A letter from the school.' }, [{ name: 'school.pdf', bytes: pdf }], storage);
    await portal.tracking.withdraw(opened.session, { reason: 'It was sorted out.' });
    expect(await stateOf(acknowledged)).toBe('withdrawn');
    await portal.sharedDevice.forgetThisDevice(storage, { draftTokens: [], trackingToken: opened.token });
    expect(await portal.tracking.resume({ token: opened.token, requestId: 'roles-test' })).toBeNull();

    const closed = await closedComplaint(f);
    const survey = await openTracking(closed);
    await portal.tracking.answerSurvey(survey.session, { kept_informed: '4', on_time: '2' });
  });

  it('lets the back office read a queue, log a complaint and set the retention period', async () => {
    const backoffice = runtimes.backoffice.services;
    const logged = await backoffice.casework.logComplaint(f.as(NORTH.admin), loggedComplaint(f.places));
    expect(logged).toBeTruthy();
    const page = await backoffice.casework.listQueue(f.as(NORTH.admin), 'new', DEFAULT_QUEUE_QUERY);
    expect(page.rows.length).toBeGreaterThan(0);
    // National office sets the retention period that the worker reads.
    const national = f.as('margaret.lewis@example.org');
    expect(await backoffice.caseworkSettings.changeRetention(national, { retentionYears: '7' })).toEqual({ retentionYears: 7, changed: true });
    expect((await backoffice.caseworkSettings.view(national)).retentionYears).toBe(7);
    expect(await backoffice.caseworkSettings.changeRetention(national, { retentionYears: '6' })).toEqual({ retentionYears: 6, changed: true });
  });

  it("lets the worker start its job queue without changing it, and send the outbox's emails", async () => {
    const sentTo: string[] = [];
    const transport = recordingTransport(sentTo);
    const env = environmentAs(owner.url!, 'worker');
    folders.push(env.DATA_DIR);
    const worker = await startWorker({ database: runtimes.worker.database, env, logger: silentLogger(), clock, transport, pollIntervalMs: 60_000 });
    try {
      await worker.deliverNow();
    } finally {
      await worker.stop();
    }
    expect(sentTo.length).toBeGreaterThan(0);
    // Each recorded as sent, by the worker's role, and none failed on the way.
    const [outbox] = await queryRows<{ sent: number; failed: number }>(
      owner.db,
      sql`select count(*) filter (where sent_at is not null)::int as sent, count(*) filter (where last_error is not null)::int as failed from outbox`,
    );
    expect(outbox).toEqual({ sent: sentTo.length, failed: 0 });
  });

  it('lets the worker run each of its scheduled jobs', async () => {
    const env = environmentAs(owner.url!, 'worker');
    folders.push(env.DATA_DIR);
    // A Monday morning, when the weekly reminders are made as well as the daily warnings.
    const monday = fixedClock('2026-11-23T10:00:00Z');
    const context = { database: runtimes.worker.database, clock: monday, logger: silentLogger(), attachments: attachmentStorageFor(env), backofficeUrl: 'http://localhost:3001' };
    for (const [name, job] of Object.entries(SCHEDULED_JOBS)) {
      await expect(job.run(context), name).resolves.toBeDefined();
    }
    expect(await SCHEDULED_JOBS['weekly-reminders'].run(context)).toMatchObject({ ran: true });
  });

  it('will not start a part that does not migrate on a database older than its code, and says why', async () => {
    const admin = postgres(template!.url, { max: 1, onnotice: () => {} });
    const name = `complaints_roles_empty_${run}`;
    await admin.unsafe(`CREATE DATABASE ${name}`);
    try {
      const u = new URL(owner.url!);
      u.pathname = `/${name}`;
      const env = environmentAs(u.toString(), 'portal');
      folders.push(env.DATA_DIR);
      await expect(openRuntime(env, { signsInStaff: false })).rejects.toThrow(
        /^The database schema is not up to date for this version and DATABASE_MIGRATE is false, so this part will not start: run npm run db:migrate as the database owner first\.$/,
      );
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it("will not start the worker without the job queue's tables", async () => {
    const bare = await openTestDatabase('postgres');
    try {
      const env = environmentAs(bare.url!, 'worker');
      folders.push(env.DATA_DIR);
      const handle = await openPostgres(env.DATABASE_URL!, { max: 2 });
      try {
        await expect(startWorker({ database: handle, env, logger: silentLogger(), clock, transport: recordingTransport() })).rejects.toThrow(
          /^The job queue's tables are missing or out of date and DATABASE_MIGRATE is false, so the worker will not start: run npm run db:migrate as the database owner first\.$/,
        );
      } finally {
        await handle.close();
      }
    } finally {
      await bare.close();
    }
  });
});

function silentLogger() {
  return createLogger('worker', 'silent');
}

/** Sends nothing anywhere: says who each email was for. */
function recordingTransport(sentTo: string[] = []): EmailTransport {
  return {
    name: 'recording',
    async send(message) {
      sentTo.push(String(message.to));
      return { messageId: randomBytes(8).toString('hex') };
    },
  };
}
