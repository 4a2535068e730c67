import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { hashPassword, secretSealer, totpCodeAt, totpStepAt } from '@complaints/auth';
import { enableStaffSecondFactor, insertBusinessArea, insertStaffAccount, migrationsFolder, openPostgres, queryRows } from '@complaints/db';
import { type OwnPostgres, startOwnPostgres } from '@complaints/db/testing/own-postgres';
import { postPassword, postSecondFactor } from '@complaints/http/testing/sign-in-over-http';
import { startSmtpSink } from '@complaints/notifications/testing';
import { insertCompleteAdultDrafts } from '@complaints/services/testing/complete-drafts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WHOLE, complaintsPerFormKey, consistencyOf } from './support/consistency';
import { databaseUrlAs, type PartName, type RunningPart, freePort, PART_SECOND_FACTOR_KEY, partEnv, runMigrateStep, sendComplaint, startPart } from './support/parts';

/*
 * Production runs several instances of each part over one PostgreSQL database, with nothing shared
 * between them but the database and the mail server, each part as its own database role that may
 * not change the schema. Here the migrate step runs twice at the same moment on an empty database,
 * as its owner; then two portals, two back offices and two workers, each part as a login role in
 * its group with DATABASE_MIGRATE=false, are started at the same moment. Then a person's complaint
 * form moves between the portals page by page, a member of staff's session goes between the back
 * offices, and every email is sent exactly once while both workers run.
 */

const PASSWORD = 'a long passphrase for one test';
const STAFF_EMAIL = 'ruth.evans@example.org';
const SENT_THROUGH_EACH_PORTAL = 20;

let server: OwnPostgres;
let dataDir: string;
let mailDir: string;
let sink: { port: number; close(): Promise<void> } | undefined;
const parts: RunningPart[] = [];

beforeAll(async () => {
  server = await startOwnPostgres();
  dataDir = mkdtempSync(path.join(tmpdir(), 'instances-data-'));
  mailDir = mkdtempSync(path.join(tmpdir(), 'instances-mail-'));
  sink = await startSmtpSink(mailDir);
});

afterAll(async () => {
  await Promise.all(parts.map((part) => part.kill('SIGKILL')));
  await sink?.close();
  server?.destroy();
  for (const dir of [dataDir, mailDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The recipients of the emails the mail server received, one entry a message. */
function recipientsReceived(): string[] {
  return readdirSync(mailDir).map((file) => {
    const to = /^To: (.*)$/m.exec(readFileSync(path.join(mailDir, file), 'utf8'))?.[1] ?? '';
    return /[^\s<>"]+@[^\s<>"]+/.exec(to)?.[0] ?? to;
  });
}

/** A browser's cookie jar, enough for one host: every part here is on localhost, whatever its port, as cookies do not tell ports apart. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  keep(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  get header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** Posts one page of the adult complaint form, as a browser without JavaScript would, and returns where it was sent next. */
async function postPage(base: string, jar: CookieJar, page: string, fields: Record<string, string>): Promise<string> {
  const response = await fetch(`${base}/complain/${page}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, Cookie: jar.header },
    body: new URLSearchParams({ ...fields, intent: 'continue' }).toString(),
  });
  jar.keep(response);
  const problems = response.status === 303 ? '' : [...(await response.text()).matchAll(/<a href="#[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]).join('; ');
  expect(response.status, `${page} on ${base}: ${problems || 'not answered as a form page'}`).toBe(303);
  return response.headers.get('location') ?? '';
}

it('runs two of each part on one database, each part as its own role: two migrate steps at once, a form and a session move between instances, each email goes once', async () => {
  const url = await server.createDatabase('several_instances');
  // Two migrate steps at once, as the owner, on a database with no tables yet.
  await Promise.all([runMigrateStep(url), runMigrateStep(url)]);
  const owner = await openPostgres(url, { max: 1 });
  try {
    for (const name of ['portal', 'backoffice', 'worker']) await owner.db.execute(sql.raw(`create role ${name}_login login in role complaints_${name}`));
  } finally {
    await owner.close();
  }
  const mail = { MAIL_TRANSPORT: 'smtp', SMTP_URL: `smtp://127.0.0.1:${sink!.port}`, OUTBOX_LEASE_SECONDS: '5' };
  const envs: Array<[PartName, Record<string, string>]> = [];
  for (const name of ['portal', 'portal', 'backoffice', 'backoffice', 'worker', 'worker'] as const) {
    const port = String(await freePort());
    const own = { DATABASE_MIGRATE: 'false', ...(name === 'portal' ? { PORTAL_PORT: port } : name === 'backoffice' ? { BACKOFFICE_PORT: port } : {}) };
    envs.push([name, partEnv(databaseUrlAs(url, `${name}_login`), dataDir, { ...mail, ...own })]);
  }

  // All six at once.
  const started = await Promise.allSettled(envs.map(([name, env]) => startPart(name, env)));
  for (const result of started) if (result.status === 'fulfilled') parts.push(result.value);
  const failures = started.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => String(r.reason));
  expect(failures).toEqual([]);
  const [portalA, portalB, backofficeA, backofficeB] = parts as [RunningPart, RunningPart, RunningPart, RunningPart];

  const database = await openPostgres(url, { max: 2 });
  try {
    // Each migration applied once, none twice, and the reference lists written once.
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    const [applied] = await queryRows<{ total: number; distinct: number }>(database.db, sql`select count(*)::int as total, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`);
    expect(applied).toEqual({ total: journal.entries.length, distinct: journal.entries.length });
    const [framework] = await queryRows<{ versions: number }>(database.db, sql`select count(*)::int as versions from quality_framework_versions`);
    expect(framework!.versions).toBe(1);

    // A complaint form started on one portal and finished on the other: the draft lives in the
    // database, so either instance can take the next page.
    const jar = new CookieJar();
    const portals = [portalA.url, portalB.url];
    const pages: Array<[string, Record<string, string>]> = [
      ['who', { role: 'parent_or_carer' }],
      ['your-name', { fullName: 'Carys Morgan' }],
      ['case', { courtCaseNumber: 'CF26P01234', serviceAreaId: 'unknown', areaGiven: 'Cardiff' }],
      ['what-went-wrong', { 'points.0.text': 'The report was sent to the wrong address.', 'points.1.text': 'Nobody told me it had gone.' }],
      ['outcome', { desiredOutcome: 'To know it will not happen again.' }],
      ['contact', { preferredContact: 'email', email: 'carys.morgan@example.com' }],
      ['language', { language: 'en' }],
      ['help', {}],
      ['documents', {}],
      ['privacy', { privacyAccepted: 'yes' }],
    ];
    let next = '';
    for (const [index, [page, fields]] of pages.entries()) {
      next = await postPage(portals[index % 2]!, jar, page, fields);
      if (index < pages.length - 1) expect(next, `after ${page}`).toBe(`/complain/${pages[index + 1]![0]}`);
    }
    expect(next).toBe('/complain/check');
    const check = await fetch(`${portalA.url}/complain/check`, { headers: { Cookie: jar.header } });
    const checkPage = await check.text();
    expect(checkPage).toContain('Carys Morgan');
    expect(checkPage).toContain('The report was sent to the wrong address.');
    const formKey = /name="formKey" value="([^"]+)"/.exec(checkPage)?.[1];
    expect(formKey, 'the check page carries its form key').toBeDefined();
    const sent = await fetch(`${portalB.url}/complain/check`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: portalB.url, Cookie: jar.header },
      body: new URLSearchParams({ formKey: formKey! }).toString(),
    });
    jar.keep(sent);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/complain/confirmation');
    const confirmation = await (await fetch(`${portalA.url}/complain/confirmation`, { headers: { Cookie: jar.header } })).text();
    const reference = /data-reference[^>]*>([^<]+)</.exec(confirmation)?.[1]?.trim();
    expect(reference, 'the confirmation on the other portal shows the reference').toBeDefined();
    expect((await complaintsPerFormKey(database.db, [formKey!])).get(formKey!)).toBe(1);

    // More complaints, sent through both portals at once.
    const drafts = await insertCompleteAdultDrafts(database.db, SENT_THROUGH_EACH_PORTAL * 2);
    const outcomes = await Promise.all(drafts.map((draft, i) => sendComplaint(portals[i % 2]!, draft)));
    expect(outcomes.filter((o) => o !== 'confirmed')).toEqual([]);
    expect(await consistencyOf(database.db)).toMatchObject(WHOLE);

    // A member of staff signs in on one back office and carries on on the other; signing out on
    // the second ends the session on both.
    const area = await insertBusinessArea(database.db, { code: 'WALES', name: { en: 'Wales', cy: 'Cymru' }, email: null, phone: null, postalAddress: null, csqAdministratorId: null });
    const staffId = await insertStaffAccount(database.db, {
      email: STAFF_EMAIL,
      fullName: 'Ruth Evans',
      jobTitle: null,
      phone: null,
      role: 'csq_administrator',
      businessAreaId: area,
      serviceAreaId: null,
      teamId: null,
      passwordHash: await hashPassword(PASSWORD),
      createdAt: new Date(),
    });
    // A password she has chosen herself, so the first sign-in does not ask for a new one, and a
    // second factor she has set up, sealed with the back offices' key.
    await database.db.execute(sql`update staff set password_changed_at = now() where id = ${staffId}`);
    const totpKey = new Uint8Array(randomBytes(20));
    const now = new Date();
    await enableStaffSecondFactor(database.db, staffId, { key: secretSealer(PART_SECOND_FACTOR_KEY).seal(totpKey, (n) => new Uint8Array(randomBytes(n))), enabledAt: now, step: totpStepAt(now) - 5 });
    const password = await postPassword(backofficeA.url, STAFF_EMAIL, PASSWORD);
    expect(password.needsSecondFactor).toBe(true);
    const cookie = await postSecondFactor(backofficeA.url, password.cookie, totpCodeAt(totpKey, now));
    expect(cookie, 'the code from her app is accepted').toBeDefined();
    const signedIn = { cookie: cookie! };
    const queueOnB = await fetch(`${backofficeB.url}/queues/new`, { redirect: 'manual', headers: { Cookie: signedIn.cookie } });
    expect(queueOnB.status).toBe(200);
    expect(await queueOnB.text()).toContain(reference!);
    const signedOut = await fetch(`${backofficeB.url}/sign-out`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: backofficeB.url, Cookie: signedIn.cookie },
    });
    expect(signedOut.status).toBe(302);
    const afterSignOut = await fetch(`${backofficeA.url}/queues/new`, { redirect: 'manual', headers: { Cookie: signedIn.cookie } });
    expect(afterSignOut.status).toBe(302);
    expect(afterSignOut.headers.get('location')).toMatch(/^\/sign-in/);

    // Both workers take emails from the one outbox: each is sent once.
    const deadline = Date.now() + 120_000;
    let pending = Infinity;
    while (Date.now() < deadline) {
      [{ pending }] = (await queryRows<{ pending: number }>(database.db, sql`select count(*)::int as pending from outbox where channel = 'email' and status = 'pending'`)) as [{ pending: number }];
      if (pending === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(pending, 'emails still waiting after two minutes').toBe(0);
    const [failed] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from outbox where channel = 'email' and status = 'failed'`);
    expect(failed!.n).toBe(0);
    const expected = await queryRows<{ recipient: string }>(database.db, sql`select recipient from outbox where channel = 'email' order by recipient`);
    expect(expected.length).toBeGreaterThanOrEqual(SENT_THROUGH_EACH_PORTAL * 2 + 1);
    expect(recipientsReceived().sort()).toEqual(expected.map((e) => e.recipient).sort());
    // Both workers were there to take them: neither stopped.
    for (const worker of parts.filter((p) => p.name === 'worker')) expect(worker.child.exitCode, worker.output()).toBeNull();
  } finally {
    await database.close();
  }
}, 600_000);
