import { DEMO_PASSWORD, demoTotpKey } from '@complaints/db';
import { totpCodeAt } from '@complaints/auth';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Signing in as a demo member of staff, in the browser or over plain HTTP. Demo accounts that
 * need a second factor have a secret derived from their address (demoTotpKey), so the code can be
 * computed here exactly as `npm run demo:code` does.
 */

/** Demo accounts by role, one of each (the demo seed's people). */
export const DEMO_STAFF = {
  csq_administrator: 'aisha.khan@example.org',
  csq_administrator_south: 'tom.hughes@example.org',
  responding_manager: 'david.brown@example.org',
  head_of_service: 'helen.okafor@example.org',
  csq_manager: 'rachel.green@example.org',
  national_office: 'margaret.lewis@example.org',
  system_administrator: 'sam.fletcher@example.org',
} as const;

/** Accounts whose role needs a second factor (and whose demo account has one). */
const WITH_SECOND_FACTOR = new Set<string>([DEMO_STAFF.national_office, 'chen.wei@example.org', DEMO_STAFF.system_administrator]);

export function needsSecondFactor(email: string): boolean {
  return WITH_SECOND_FACTOR.has(email.toLowerCase());
}

/** The code a demo account's authenticator app would show now (or at the time given). */
export function demoCode(email: string, at: Date = new Date()): string {
  return totpCodeAt(demoTotpKey(email.toLowerCase()), at);
}

// The last time step each account's code was used in this test run, so a second sign-in within
// 30 seconds waits for a fresh code rather than being refused as a replay.
const lastStepUsed = new Map<string, number>();

async function freshDemoCode(email: string): Promise<string> {
  const step = () => Math.floor(Date.now() / 30_000);
  const last = lastStepUsed.get(email);
  if (last !== undefined && step() <= last) await new Promise((r) => setTimeout(r, (last + 1) * 30_000 - Date.now() + 50));
  lastStepUsed.set(email, step());
  return demoCode(email);
}

/** Signs in in the browser, typing the password and, when the account has one, the code. Ends on the start page. */
export async function signInAs(page: Page, email: string, options: { baseUrl?: string; returnTo?: string } = {}): Promise<void> {
  const base = options.baseUrl ?? new URL(page.url()).origin;
  await page.goto(`${base}/sign-in${options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : ''}`);
  await page.fill('#email', email);
  await page.fill('#password', DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in') || url.pathname === '/sign-in/second-factor'), page.click('button:has-text("Sign in"), button:has-text("Mewngofnodi")')]);
  if (new URL(page.url()).pathname === '/sign-in/second-factor') {
    await page.fill('#code', await freshDemoCode(email));
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form:has(#code) button[type=submit]')]);
  }
  expect(new URL(page.url()).pathname.startsWith('/sign-in')).toBe(false);
}

/**
 * Signs in over plain HTTP (no browser) and returns the Cookie header to send with later
 * requests: for tests that drive many routes as many people.
 */
export async function signInOverHttp(baseUrl: string, email: string): Promise<string> {
  const origin = new URL(baseUrl).origin;
  const post = (path: string, form: Record<string, string>, cookie?: string) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
      body: new URLSearchParams(form).toString(),
    });
  const signedIn = await post('/sign-in', { email, password: DEMO_PASSWORD });
  expect(signedIn.status, `signing in as ${email}`).toBe(302);
  const cookie = sessionCookieFrom(signedIn);
  if (signedIn.headers.get('location')?.startsWith('/sign-in/second-factor')) {
    const verified = await post('/sign-in/second-factor', { code: await freshDemoCode(email) }, cookie);
    expect(verified.status, `second factor for ${email}`).toBe(302);
  }
  return cookie;
}

/** The session cookie (name=value) from a response that set it. */
export function sessionCookieFrom(response: Response): string {
  const header = response.headers.getSetCookie().find((c) => /^(__Host-)?session=/.test(c));
  expect(header, 'a session cookie was set').toBeDefined();
  return header!.split(';')[0]!;
}
