import { organisation } from '@complaints/content';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { checkPage, visit } from './support/pages';

const portal = inject('portalUrl');
const backoffice = inject('backofficeUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const NEUTRAL = '<!doctype html><html lang="en"><head><title>Weather</title></head><body><h1>Weather</h1></body></html>';

/** There is no internet here: the neutral site "Exit this page" goes to is a stub page. */
async function stubNeutralSite(page: Page): Promise<void> {
  await page.route(organisation.exitThisPage.url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: NEUTRAL }));
}

/** GOV.UK Frontend marks each component it has started; until then Space does nothing on a link. */
async function started(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(`${selector}[data-govuk-button-init]`, { state: 'attached', timeout: 15_000 });
}

describe('links styled as buttons answer the Space key, as buttons do', () => {
  it('"Start now": Space opens the form\'s first page', async () => {
    const { context, page } = await newPage(browser);
    try {
      await visit(page, `${portal}/complain?lng=en`, { language: 'en' });
      const start = 'main a.govuk-button--start';
      await started(page, start);
      const first = new URL((await page.getAttribute(start, 'href'))!, portal).pathname;
      await page.focus(start);
      await Promise.all([page.waitForURL((url) => url.pathname === first), page.keyboard.press('Space')]);
      await checkPage(page, { language: 'en', label: 'first question, by Space' });
    } finally {
      await context.close();
    }
  });

  it('"Exit this page": Space leaves for the neutral site', async () => {
    const { context, page } = await newPage(browser);
    try {
      await stubNeutralSite(page);
      await visit(page, `${portal}/complain?lng=en`, { language: 'en' });
      await started(page, '[data-exit-this-page]');
      await page.focus('[data-exit-this-page]');
      await Promise.all([page.waitForURL(organisation.exitThisPage.url), page.keyboard.press('Space')]);
      expect(await page.title()).toBe('Weather');
    } finally {
      await context.close();
    }
  });

  it("GOV.UK Frontend's script starts on the back office's pages too", async () => {
    const { context, page } = await newPage(browser);
    try {
      await visit(page, `${backoffice}/sign-in?lng=en`, { language: 'en' });
      await started(page, 'main button[data-module="govuk-button"]');
    } finally {
      await context.close();
    }
  });
});

describe('after "Exit this page"', () => {
  it('Back does not return to a page of the service', async () => {
    const { context, page } = await newPage(browser);
    try {
      await stubNeutralSite(page);
      await visit(page, `${portal}/complain?lng=en`, { language: 'en' });
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('main a.govuk-button--start')]);
      await checkPage(page, { language: 'en', label: 'first question' });
      await page.check('input[name="role"][value="parent_or_carer"]');
      await Promise.all([page.waitForURL(organisation.exitThisPage.url), page.click('[data-exit-this-page]')]);
      await page.goBack({ waitUntil: 'load' });
      const url = page.url();
      expect(url === 'about:blank' || url === organisation.exitThisPage.url, `Back reached ${url}`).toBe(true);
      expect(url.startsWith(portal)).toBe(false);
    } finally {
      await context.close();
    }
  });
});
