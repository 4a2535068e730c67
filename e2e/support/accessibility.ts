import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

/** WCAG 2.2 AA, as the quality bar sets it. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Pages opened with JavaScript off: axe-core cannot run inside them. */
const withoutJavaScript = new WeakSet<Page>();

export function markWithoutJavaScript(page: Page): void {
  withoutJavaScript.add(page);
}

/** One twin page per browser and origin, reused: a new browser context for every check is slow. */
const twins = new WeakMap<Browser, Map<string, Promise<Page>>>();

function twinPage(browser: Browser, origin: string): Promise<Page> {
  let byOrigin = twins.get(browser);
  if (!byOrigin) {
    byOrigin = new Map();
    twins.set(browser, byOrigin);
  }
  let twin = byOrigin.get(origin);
  if (!twin) {
    twin = (async () => {
      const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
      const page = await context.newPage();
      // Opened on the same origin, so the page's stylesheets load as they would for the reader.
      await page.goto(`${origin}/healthz`);
      return page;
    })();
    byOrigin.set(origin, twin);
  }
  return twin;
}

/**
 * Fails with a readable list when axe-core finds any violation on the page as it is now. A page
 * without JavaScript is checked as its HTML stands, scripts removed, in a twin page that allows
 * axe-core to run, on the same origin so styles load.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  let target = page;
  if (withoutJavaScript.has(page)) {
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
    const browser = page.context().browser();
    if (!browser) throw new Error('No browser to check the page in.');
    target = await twinPage(browser, new URL(page.url()).origin);
    await target.setContent(html, { waitUntil: 'load' });
  }
  // Only violations are reported: collecting every passing node is most of axe-core's time.
  // options() replaces what withTags() set, so it comes first. Legacy mode runs axe-core in the
  // page itself instead of gathering frame results in a fresh blank page each time, which took
  // two thirds of every check; our pages have no frames, so the results are the same.
  const results = await new AxeBuilder({ page: target })
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_TAGS)
    .setLegacyMode(true)
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
  );
  expect(summary, `axe-core violations on ${label} (${page.url()})`).toEqual([]);
}
