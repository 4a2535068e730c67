import { DEMO_PASSWORD, demoTotpKey } from '@complaints/db';
import { totpCodeAt } from '@complaints/auth';
import { postPassword, postSecondFactor, sessionCookieSetBy } from '@complaints/http/testing/sign-in-over-http';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitForHydration } from './pages';

/**
 * Signing in as a demo member of staff, in the browser or over plain HTTP. Every demo account has
 * a second factor whose secret is derived from its address (demoTotpKey), so the code can be
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

/** The code a demo account's authenticator app would show now (or at the time given). */
export function demoCode(email: string, at: Date = new Date()): string {
  return totpCodeAt(demoTotpKey(email.toLowerCase()), at);
}

// The last time step each account's code was used by this test file, so a second sign-in within
// 30 seconds waits for a fresh code rather than being refused as a replay.
const lastStepUsed = new Map<string, number>();
const currentStep = () => Math.floor(Date.now() / 30_000);

async function waitForStepAfter(step: number): Promise<void> {
  const wait = (step + 1) * 30_000 - Date.now() + 100;
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

/**
 * Types the demo account's current code through `send` (true when accepted). A code works once
 * only, and another test file may have used this step's code already, so a refusal is followed
 * by one more try with the next step's code.
 */
export async function withDemoCode(email: string, send: (code: string) => Promise<boolean>): Promise<void> {
  const last = lastStepUsed.get(email);
  if (last !== undefined && currentStep() <= last) await waitForStepAfter(last);
  let step = currentStep();
  lastStepUsed.set(email, step);
  if (await send(demoCode(email))) return;
  await waitForStepAfter(step);
  step = currentStep();
  lastStepUsed.set(email, step);
  expect(await send(demoCode(email)), `the second-factor code for ${email}`).toBe(true);
}

/** Signs in in the browser, typing the password and, when the account has one, the code. Ends on the start page. */
export async function signInAs(page: Page, email: string, options: { baseUrl?: string; returnTo?: string } = {}): Promise<void> {
  const base = options.baseUrl ?? new URL(page.url()).origin;
  await page.goto(`${base}/sign-in${options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : ''}`);
  await waitForHydration(page);
  await page.fill('#email', email);
  await page.fill('#password', DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in') || url.pathname === '/sign-in/second-factor'), page.click('button:has-text("Sign in"), button:has-text("Mewngofnodi")')]);
  if (new URL(page.url()).pathname === '/sign-in/second-factor') await enterDemoCode(page, email);
  expect(new URL(page.url()).pathname.startsWith('/sign-in')).toBe(false);
}

/** On the second-factor page: types the demo account's code and continues. */
export async function enterDemoCode(page: Page, email: string): Promise<void> {
  await withDemoCode(email, async (code) => {
    await waitForHydration(page);
    await page.fill('#code', code);
    await Promise.all([page.waitForNavigation(), page.click('form:has(#code) button[type=submit]')]);
    return !new URL(page.url()).pathname.startsWith('/sign-in');
  });
}

/**
 * Signs in over plain HTTP (no browser) and returns the Cookie header to send with later
 * requests: for tests that drive many routes as many people.
 */
export async function signInOverHttp(baseUrl: string, email: string): Promise<string> {
  const signedIn = await postPassword(baseUrl, email, DEMO_PASSWORD);
  let cookie = signedIn.cookie;
  if (signedIn.needsSecondFactor) {
    await withDemoCode(email, async (code) => {
      const verified = await postSecondFactor(baseUrl, cookie, code);
      if (verified) cookie = verified;
      return verified !== undefined;
    });
  }
  return cookie;
}

/** The session cookie (name=value) from a response that set it. */
export function sessionCookieFrom(response: Response): string {
  const cookie = sessionCookieSetBy(response);
  expect(cookie, 'a session cookie was set').toBeDefined();
  return cookie!;
}
