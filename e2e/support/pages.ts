import type { Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoAxeViolations } from './accessibility';

/** Uncaught errors in each page's scripts, such as React finding the server's HTML differs from its own. */
const scriptErrors = new WeakMap<Page, string[]>();

/** Records every uncaught script error the page raises from now on; checkPage fails on any. */
export function watchForScriptErrors(page: Page): void {
  const errors: string[] = [];
  scriptErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message.split('\n')[0]}`));
}

/**
 * Every journey goes through here to open a page: it checks the status, that the page has a title
 * and the right language, and runs axe-core on it.
 */
export async function visit(
  page: Page,
  url: string,
  options: { status?: number; language?: 'en' | 'cy'; label?: string } = {},
): Promise<Response> {
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response, `no response for ${url}`).not.toBeNull();
  expect(response!.status(), `status of ${url}`).toBe(options.status ?? 200);
  await checkPage(page, options);
  return response!;
}

/**
 * Waits until React has hydrated the page (the shell marks `<html data-hydrated>`), when it runs
 * scripts and is one of our pages. Clicking before then races hydration: the browser may leave the
 * page while React is still taking it over, which React reports as an error.
 */
export async function waitForHydration(page: Page): Promise<void> {
  if (!scriptErrors.has(page)) return;
  await page.waitForFunction(() => !('__remixContext' in window) || document.documentElement.dataset.hydrated !== undefined, undefined, { timeout: 15_000 });
}

/** The checks for a page reached some other way: a form submitted, a link followed. */
export async function checkPage(page: Page, options: { language?: 'en' | 'cy'; label?: string } = {}): Promise<void> {
  await page.waitForLoadState('load');
  await waitForHydration(page);
  expect(await page.title(), `title of ${page.url()}`).not.toBe('');
  if (options.language) expect(await page.getAttribute('html', 'lang')).toBe(options.language);
  await expectNoAxeViolations(page, options.label ?? page.url());
  // Errors from earlier pages in the journey are caught here too; joined, so the report shows them.
  expect((scriptErrors.get(page) ?? []).join('\n'), `script errors by ${page.url()}`).toBe('');
}

/** Submits the form the way a keyboard user would, for journeys that must work without a mouse. */
export async function pressEnterIn(page: Page, selector: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.press('Enter');
}
