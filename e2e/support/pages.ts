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

/** The checks for a page reached some other way: a form submitted, a link followed. */
export async function checkPage(page: Page, options: { language?: 'en' | 'cy'; label?: string } = {}): Promise<void> {
  await page.waitForLoadState('load');
  expect(await page.title(), `title of ${page.url()}`).not.toBe('');
  if (options.language) expect(await page.getAttribute('html', 'lang')).toBe(options.language);
  await expectNoAxeViolations(page, options.label ?? page.url());
  // Checked after axe-core, by which time the page has hydrated; errors from earlier pages in the
  // journey are caught here too.
  expect(scriptErrors.get(page) ?? [], `script errors by ${page.url()}`).toEqual([]);
}

/** Submits the form the way a keyboard user would, for journeys that must work without a mouse. */
export async function pressEnterIn(page: Page, selector: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.press('Enter');
}
