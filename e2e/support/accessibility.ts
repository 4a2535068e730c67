import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** WCAG 2.2 AA, as the quality bar sets it. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Pages opened with JavaScript off: axe-core cannot run inside them. */
const withoutJavaScript = new WeakSet<Page>();

export function markWithoutJavaScript(page: Page): void {
  withoutJavaScript.add(page);
}

/**
 * Fails with a readable list when axe-core finds any violation on the page as it is now. A page
 * without JavaScript is checked as its HTML stands, scripts removed, in a twin page that allows
 * axe-core to run, on the same origin so styles load.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  let target = page;
  let twin: BrowserContext | undefined;
  if (withoutJavaScript.has(page)) {
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
    const browser = page.context().browser();
    if (!browser) throw new Error('No browser to check the page in.');
    twin = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
    target = await twin.newPage();
    await target.goto(new URL('/healthz', page.url()).toString());
    await target.setContent(html, { waitUntil: 'load' });
  }
  try {
    const results = await new AxeBuilder({ page: target }).withTags(WCAG_TAGS).analyze();
    const summary = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
    );
    expect(summary, `axe-core violations on ${label} (${page.url()})`).toEqual([]);
  } finally {
    await twin?.close();
  }
}
