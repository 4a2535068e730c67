import { organisation } from '@complaints/content';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Where "Exit this page" ends: the organisation's neutral site (not ours). */
export const NEUTRAL_SITE = organisation.exitThisPage.url;

/** There is no internet here: the neutral site is served as a stub page. */
export async function stubNeutralSite(page: Page): Promise<void> {
  await page.context().route(NEUTRAL_SITE, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="en"><head><title>Weather</title></head><body><h1>Weather</h1></body></html>' }),
  );
}

/**
 * Chromium does not hand a redirect our server answers itself to the stub: the first attempt at
 * the neutral site fails to resolve its name and is then loaded again, each time leaving entries
 * in the history that Back meets. For journeys that go Back through `/exit`, its answer is passed
 * through Playwright (the portal's own answer, relayed), so the redirect it gives reaches the stub
 * as it would reach the real site where names resolve. (Relayed, its headers are not all kept:
 * a journey checking them does so before relaying.)
 */
export async function relayExit(page: Page): Promise<void> {
  await page.context().route(
    (url) => url.pathname === '/exit',
    async (route) => route.fulfill({ response: await route.fetch({ maxRedirects: 0 }) }),
  );
}

/**
 * Does `act` (a click, a key, Back) and waits until the browser has settled on `expected` (the
 * neutral site, by default). Chromium does not hand the redirect from our `/exit` to the stub,
 * so the first attempt at the neutral site fails to resolve its name and the browser then loads
 * it again, this time through the stub: that one failure is expected, any other is not.
 */
export async function settleAfter(page: Page, act: () => Promise<unknown>, expected: (url: string) => boolean = (url) => url === NEUTRAL_SITE): Promise<string> {
  await act().catch((error: unknown) => {
    if (!String(error).includes('net::ERR_NAME_NOT_RESOLVED')) throw error;
  });
  await expect.poll(() => page.url(), { timeout: 15_000 }).toSatisfy(expected);
  await page.waitForLoadState('load');
  return page.url();
}
