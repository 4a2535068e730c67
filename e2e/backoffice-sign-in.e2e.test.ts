import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeTotpKey, totpCodeAt } from '@complaints/auth';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { checkPage, visit, waitForHydration } from './support/pages';
import { postSecondFactor } from '@complaints/http/testing/sign-in-over-http';
import { DEMO_STAFF, demoCode, enterDemoCode, sessionCookieFrom, signInAs, signInOverHttp, withDemoCode } from './support/staff';

/**
 * Staff sign-in, second factor, accounts, administration and the audit log in the browser, with
 * axe-core on every page and state in English and Welsh; and the session rules over HTTP: cookie
 * flags (secure ones on an instance whose public address is https), sign-out ending the session
 * on the server, a code used once, and throttling.
 */

const backoffice = inject('backofficeUrl');
const PASSWORD = 'demo-complaints-2026';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ERROR_PREFIX = { en: 'Error:', cy: 'Gwall:' } as const;

async function submit(page: Page, selector = 'main form[method="post"] button[type="submit"]'): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.locator(selector).first().click()]);
}

async function expectErrorPage(page: Page, language: 'en' | 'cy'): Promise<void> {
  await checkPage(page, { language });
  expect(await page.title()).toMatch(new RegExp(`^${ERROR_PREFIX[language]}`));
  expect(await page.locator('.govuk-error-summary').count()).toBe(1);
}

describe('every access page, in English and Welsh', () => {
  const administrators = { en: DEMO_STAFF.national_office, cy: 'chen.wei@example.org' } as const;

  for (const language of ['en', 'cy'] as const) {
    it(`sign-in, second factor, account, administration and audit in ${language}`, async () => {
      const { context, page } = await newPage(browser);
      await visit(page, `${backoffice}/sign-in?lng=${language}`, { language });
      // Paste and password managers: plain inputs with the right autocomplete, nothing blocking paste.
      expect(await page.getAttribute('#email', 'autocomplete')).toBe('username');
      expect(await page.getAttribute('#password', 'autocomplete')).toBe('current-password');
      expect(await page.locator('[onpaste], [oncopy]').count()).toBe(0);

      await submit(page);
      await expectErrorPage(page, language);
      await page.fill('#email', administrators[language]);
      await page.fill('#password', 'not the password at all');
      await submit(page);
      await expectErrorPage(page, language);

      await page.fill('#password', PASSWORD);
      await submit(page);
      expect(new URL(page.url()).pathname).toBe('/sign-in/second-factor');
      await checkPage(page, { language });
      expect(await page.getAttribute('#code', 'autocomplete')).toBe('one-time-code');
      // Letters allowed: a recovery code may be typed here instead of the app's digits.
      expect(await page.getAttribute('#code', 'inputmode')).toBeNull();
      await page.fill('#code', '12345');
      await submit(page);
      await expectErrorPage(page, language);
      await enterDemoCode(page, administrators[language]);
      expect(new URL(page.url()).pathname).toMatch(/^\/queues/);

      await visit(page, `${backoffice}/account`, { language });
      await visit(page, `${backoffice}/account/recovery-codes`, { language });
      await visit(page, `${backoffice}/account/password`, { language });
      await submit(page);
      await expectErrorPage(page, language);
      await visit(page, `${backoffice}/reauthenticate?returnTo=%2Faudit`, { language });
      await submit(page);
      await expectErrorPage(page, language);

      await visit(page, `${backoffice}/admin/staff`, { language });
      await visit(page, `${backoffice}/admin/staff?role=responding_manager&page=2`, { language });
      await visit(page, `${backoffice}/admin/staff/new`, { language });
      await submit(page);
      await expectErrorPage(page, language);
      await visit(page, `${backoffice}/admin/staff?search=tom.hughes`, { language });
      await Promise.all([page.waitForNavigation(), page.locator('main table a').first().click()]);
      await checkPage(page, { language });
      const staffPage = page.url();
      await page.fill('#fullName', '');
      await submit(page, 'form:has(input[value="details"]) button[type="submit"]');
      await expectErrorPage(page, language);
      await visit(page, `${staffPage}/role`, { language });

      await visit(page, `${backoffice}/admin/organisation`, { language });
      await visit(page, `${backoffice}/admin/organisation/business-areas/new`, { language });
      await submit(page);
      await expectErrorPage(page, language);
      await visit(page, `${backoffice}/admin/organisation`, { language });
      await Promise.all([page.waitForNavigation(), page.locator('main a[href^="/admin/organisation/teams/"]').first().click()]);
      await checkPage(page, { language });

      await visit(page, `${backoffice}/audit`, { language });
      expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(0);
      await visit(page, `${backoffice}/audit?from.day=31&from.month=2&from.year=2026`, { language });
      expect(await page.title()).toMatch(new RegExp(`^${ERROR_PREFIX[language]}`));

      // A subject access export: a reference that finds nothing comes back to the form as an error;
      // from a complaint's page the link leads to the form, and the form to the ZIP.
      await visit(page, `${backoffice}/subject-access`, { language });
      await page.fill('#reference', 'NO-SUCH-REF');
      await submit(page, 'main form[action="/subject-access/export"] button[type="submit"]');
      await expectErrorPage(page, language);
      await visit(page, `${backoffice}/queues/new`, { language });
      await Promise.all([page.waitForNavigation(), page.locator('main a[href^="/complaints/"]').first().click()]);
      await checkPage(page, { language });
      const reference = (await page.locator('main h1').textContent())!.trim();
      await Promise.all([page.waitForNavigation(), page.locator('main a[data-subject-access]').click()]);
      await checkPage(page, { language });
      expect(await page.inputValue('#reference')).toBe(reference);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('main form[action="/subject-access/export"] button[type="submit"]')]);
      const zip = unzipSync(readFileSync((await download.path())!));
      expect(Object.keys(zip)).toEqual(expect.arrayContaining(['README.txt', 'manifest.json', `${reference}/complaint.json`]));

      // Signing out ends the session: going back shows the sign-in page, never what was there.
      await Promise.all([page.waitForNavigation(), page.locator('header form[action="/sign-out"] button').click()]);
      await checkPage(page, { language });
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await visit(page, `${backoffice}/audit`, { language });
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await context.close();
    });

    it(`a page a role does not open, and a wrong code when moving the second factor, in ${language}`, async () => {
      const { context, page } = await newPage(browser);
      await page.goto(`${backoffice}/sign-in?lng=${language}`);
      await signInAs(page, DEMO_STAFF.csq_manager);
      await visit(page, `${backoffice}/admin/staff`, { status: 403, language });
      expect(await page.locator('header nav a[href="/admin/staff"]').count()).toBe(0);
      await visit(page, `${backoffice}/account/second-factor`, { language });
      await page.fill('#code', 'abc');
      await submit(page);
      await expectErrorPage(page, language);
      await context.close();
    });
  }
});

describe('where you are signed in', () => {
  it('lists this browser and another, in English and Welsh, and signs out everywhere else', async () => {
    const email = DEMO_STAFF.head_of_service;
    const elsewhere = await signInOverHttp(backoffice, email);
    const { context, page } = await newPage(browser);
    await signInAs(page, email, { baseUrl: backoffice });
    await visit(page, `${backoffice}/account?lng=cy`, { language: 'cy' });
    await visit(page, `${backoffice}/account/sessions`, { language: 'cy' });
    await visit(page, `${backoffice}/account?lng=en`, { language: 'en' });
    await Promise.all([page.waitForNavigation(), page.click('main a[href="/account/sessions"]')]);
    await checkPage(page, { language: 'en' });
    const rows = page.locator('main table tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('main table tbody tr:has-text("This browser")').count()).toBe(1);
    expect((await fetch(`${backoffice}/account`, { redirect: 'manual', headers: { Cookie: elsewhere } })).status).toBe(200);

    await submit(page);
    await checkPage(page, { language: 'en' });
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toMatch(/signed out of \d+ other sessions?/);
    expect(await rows.count()).toBe(1);
    expect(await page.locator('main form[method="post"] button').count()).toBe(0);
    const after = await fetch(`${backoffice}/account`, { redirect: 'manual', headers: { Cookie: elsewhere } });
    expect(after.status).toBe(302);
    expect(after.headers.get('location')).toMatch(/^\/sign-in/);
    await visit(page, `${backoffice}/account`);
    await context.close();
  });
});

describe('a new colleague', () => {
  it('is refused a national role by the system administrator, is added by national office, signs in with a temporary password, chooses their own and sets up a second factor', async () => {
    const email = `new.colleague.${Date.now()}@example.org`;
    // Only national office gives a national role: the system administrator is told so, with what they typed kept.
    const sysadmin = await newPage(browser);
    await sysadmin.page.goto(`${backoffice}/sign-in`);
    await signInAs(sysadmin.page, DEMO_STAFF.system_administrator);
    expect(new URL(sysadmin.page.url()).pathname).toBe('/admin/staff');
    await visit(sysadmin.page, `${backoffice}/admin/staff/new`);
    await sysadmin.page.fill('#fullName', 'Nia Parry');
    await sysadmin.page.fill('#email', email);
    await sysadmin.page.check('input[name="role"][value="national_office"]');
    await submit(sysadmin.page);
    await expectErrorPage(sysadmin.page, 'en');
    expect(await sysadmin.page.locator('.govuk-error-summary').textContent()).toContain('Only national office can give this role');
    expect(await sysadmin.page.inputValue('#email')).toBe(email);
    await sysadmin.context.close();

    const admin = await newPage(browser);
    await admin.page.goto(`${backoffice}/sign-in`);
    await signInAs(admin.page, DEMO_STAFF.national_office);
    await visit(admin.page, `${backoffice}/admin/staff/new`);
    await admin.page.fill('#fullName', 'Nia Parry');
    await admin.page.fill('#email', email);
    await admin.page.check('input[name="role"][value="national_office"]');
    await submit(admin.page);
    await checkPage(admin.page);
    const temporary = (await admin.page.locator('.govuk-panel strong').textContent())!.trim();
    expect(temporary).toMatch(/^([a-z2-9]{4}-){5}[a-z2-9]{4}$/);

    const colleague = await newPage(browser);
    await visit(colleague.page, `${backoffice}/sign-in`);
    await colleague.page.fill('#email', email);
    await colleague.page.fill('#password', temporary);
    await submit(colleague.page);
    expect(new URL(colleague.page.url()).pathname).toBe('/sign-in/new-password');
    await checkPage(colleague.page);
    await colleague.page.fill('#password', 'qwerty123456');
    await submit(colleague.page);
    await expectErrorPage(colleague.page, 'en');
    await colleague.page.fill('#password', 'three quiet rivers meet at dusk');
    await submit(colleague.page);
    // National office must set up a second factor before anything else.
    expect(new URL(colleague.page.url()).pathname).toBe('/sign-in/set-up-second-factor');
    await checkPage(colleague.page);
    expect(await colleague.page.locator('main [role="img"] svg').count()).toBe(1);
    await colleague.page.goto(`${backoffice}/audit`);
    await waitForHydration(colleague.page);
    expect(new URL(colleague.page.url()).pathname).toBe('/sign-in/set-up-second-factor');
    const key = decodeTotpKey((await colleague.page.locator('main code').textContent())!);
    expect(key).not.toBeNull();
    await colleague.page.fill('#code', totpCodeAt(key!, new Date()));
    await submit(colleague.page);
    // Their recovery codes, shown once, until they say they have kept them.
    expect(new URL(colleague.page.url()).pathname).toBe('/account/recovery-codes');
    await checkPage(colleague.page, { label: 'new recovery codes' });
    const codes = await colleague.page.locator('[data-recovery-codes] code').allTextContents();
    expect(codes).toHaveLength(10);
    await submit(colleague.page);
    // Where they tried to go while still owing the second factor.
    expect(new URL(colleague.page.url()).pathname).toBe('/audit');
    await checkPage(colleague.page);

    // Their account page shows the second factor on; the administrator sees it too.
    await visit(colleague.page, `${backoffice}/account`);
    // A new phone: they move the second factor to a new app (their password was typed minutes
    // ago, so it is not asked for again); its code replaces the old app.
    await Promise.all([colleague.page.waitForNavigation(), colleague.page.click('text=Move your second factor to a new authenticator app')]);
    expect(new URL(colleague.page.url()).pathname).toBe('/account/second-factor');
    await checkPage(colleague.page, { label: 'moving the second factor' });
    expect(await colleague.page.locator('h1').textContent()).toBe('Move your second factor to a new authenticator app');
    const newKey = decodeTotpKey((await colleague.page.locator('main code').textContent())!);
    expect(newKey).not.toBeNull();
    expect(Buffer.from(newKey!).equals(Buffer.from(key!))).toBe(false);
    await colleague.page.fill('#code', totpCodeAt(key!, new Date()));
    await submit(colleague.page);
    await expectErrorPage(colleague.page, 'en');
    await colleague.page.fill('#code', totpCodeAt(newKey!, new Date()));
    await submit(colleague.page);
    // A new app comes with new recovery codes: the first set stops working.
    expect(new URL(colleague.page.url()).pathname).toBe('/account/recovery-codes');
    const newCodes = await colleague.page.locator('[data-recovery-codes] code').allTextContents();
    expect(newCodes).toHaveLength(10);
    expect(newCodes.filter((c) => codes.includes(c))).toEqual([]);
    await submit(colleague.page);
    expect(new URL(colleague.page.url()).pathname).toBe('/account');
    await checkPage(colleague.page);
    expect(await colleague.page.locator('.govuk-notification-banner').textContent()).toContain('Codes from the old app no longer work.');

    // The phone is lost: they sign in with a recovery code (an old one is refused), and their
    // account says what to do; the code is used up, and a new set can be made.
    await colleague.context.clearCookies();
    await visit(colleague.page, `${backoffice}/sign-in`);
    await colleague.page.fill('#email', email);
    await colleague.page.fill('#password', 'three quiet rivers meet at dusk');
    await submit(colleague.page);
    expect(new URL(colleague.page.url()).pathname).toBe('/sign-in/second-factor');
    await colleague.page.fill('#code', codes[0]!);
    await submit(colleague.page);
    await expectErrorPage(colleague.page, 'en');
    await colleague.page.fill('#code', newCodes[2]!.toUpperCase());
    await submit(colleague.page);
    expect(new URL(colleague.page.url()).pathname).toBe('/account');
    await checkPage(colleague.page, { label: 'signed in with a recovery code' });
    expect(await colleague.page.locator('.govuk-notification-banner').textContent()).toContain('You signed in with a recovery code.');
    const left = colleague.page.locator('.govuk-summary-list__row', { hasText: 'Recovery codes left' }).locator('.govuk-summary-list__value');
    expect((await left.textContent())!.trim()).toBe('9');
    await Promise.all([colleague.page.waitForNavigation(), colleague.page.click('main a[href="/account/recovery-codes"]')]);
    await checkPage(colleague.page, { label: 'recovery codes' });
    await submit(colleague.page);
    expect(new URL(colleague.page.url()).pathname).toBe('/account/recovery-codes');
    const renewed = await colleague.page.locator('[data-recovery-codes] code').allTextContents();
    expect(renewed).toHaveLength(10);
    await submit(colleague.page);
    expect(new URL(colleague.page.url()).pathname).toBe('/account');
    expect((await left.textContent())!.trim()).toBe('10');
    await visit(admin.page, `${backoffice}/admin/staff?search=${encodeURIComponent(email)}`);
    await Promise.all([admin.page.waitForNavigation(), admin.page.locator('main table a').first().click()]);
    expect(await admin.page.locator('main').textContent()).toContain('Second factor is on');
    await admin.context.close();
    await colleague.context.close();
  });
});

describe('the session rules over HTTP', () => {
  const post = (path: string, form: Record<string, string>, cookie?: string, base = backoffice) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, ...(cookie ? { Cookie: cookie } : {}) },
      body: new URLSearchParams(form).toString(),
    });
  const get = (path: string, cookie?: string) => fetch(`${backoffice}${path}`, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/ (plain "session" on plain-http localhost)', async () => {
    const response = await post('/sign-in', { email: DEMO_STAFF.csq_administrator, password: PASSWORD });
    const header = response.headers.getSetCookie().find((c) => c.startsWith('session='))!;
    expect(header).toMatch(/; Path=\//);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).not.toMatch(/Expires|Max-Age|Domain/i);
    expect(response.headers.get('cache-control')).toBeNull();
    let cookie = sessionCookieFrom(response);
    await withDemoCode(DEMO_STAFF.csq_administrator, async (code) => {
      const verified = await postSecondFactor(backoffice, cookie, code);
      if (verified) cookie = verified;
      return verified !== undefined;
    });
    const page = await get('/account', cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('ends the session on the server at sign-out: the old cookie no longer works', async () => {
    const cookie = await signInOverHttp(backoffice, DEMO_STAFF.head_of_service);
    expect((await get('/account', cookie)).status).toBe(200);
    const out = await post('/sign-out', {}, cookie);
    expect(out.headers.get('location')).toBe('/sign-in?signedOut=1');
    expect(out.headers.getSetCookie().find((c) => c.startsWith('session='))).toMatch(/Max-Age=0/);
    const again = await get('/account', cookie);
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toBe('/sign-in?returnTo=%2Faccount');
  });

  it('accepts a second-factor code once only', async () => {
    const email = 'chen.wei@example.org';
    // Wait for a time step no other test has used, so the first use below is the first.
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 100));
    const code = demoCode(email);
    const first = sessionCookieFrom(await post('/sign-in', { email, password: PASSWORD }));
    const second = sessionCookieFrom(await post('/sign-in', { email, password: PASSWORD }));
    expect((await post('/sign-in/second-factor', { code }, first)).status).toBe(302);
    const replay = await post('/sign-in/second-factor', { code }, second);
    expect(replay.status).toBe(401);
    expect(await replay.text()).toContain('already been used');
    expect((await get('/account', second)).status).toBe(302);
  });

  it('refuses sign-in to an account after 5 failures, even with the right password', async () => {
    const email = 'emma.taylor@example.org';
    for (let i = 0; i < 5; i += 1) expect((await post('/sign-in', { email, password: `wrong password ${i}` })).status).toBe(401);
    const locked = await post('/sign-in', { email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('too many attempts');
    expect(locked.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(false);
  });
});

describe('secure cookies', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const port = Number(process.env.E2E_BACKOFFICE_PORT ?? 3101) + 50;
  const base = `http://localhost:${port}`;
  let child: ChildProcess;
  let folder: string;

  beforeAll(async () => {
    // A second back office on its own fresh embedded database whose public address is https, as
    // every real deployment's is: secure cookies and HSTS on.
    folder = mkdtempSync(path.join(tmpdir(), 'complaints-secure-'));
    child = spawn(process.execPath, ['--import', 'tsx', 'apps/backoffice/server/main.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: folder, BACKOFFICE_PORT: String(port), BACKOFFICE_URL: `https://localhost:${port}`, LOG_LEVEL: 'warn' },
      stdio: 'ignore',
      detached: true,
    });
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('The back office with secure cookies did not start.');
  }, 180_000);

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(folder, { recursive: true, force: true });
  });

  it('names the cookie __Host-session and marks it Secure, with HSTS', async () => {
    const response = await fetch(`${base}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
      body: new URLSearchParams({ email: DEMO_STAFF.csq_administrator, password: PASSWORD }).toString(),
    });
    expect(response.status).toBe(302);
    const header = response.headers.getSetCookie().find((c) => c.startsWith('__Host-session='))!;
    expect(header).toBeDefined();
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/Domain=/i);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
    // The plain name means nothing here: only the real one reaches the page that asks for the code.
    const plain = header.split(';')[0]!.replace('__Host-session=', 'session=');
    const page = await fetch(`${base}/sign-in/second-factor`, { redirect: 'manual', headers: { Cookie: plain } });
    expect(page.status).toBe(302);
    const real = await fetch(`${base}/sign-in/second-factor`, { redirect: 'manual', headers: { Cookie: header.split(';')[0]! } });
    expect(real.status).toBe(200);
  });
});
