import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { NEUTRAL_SITE, relayExit, settleAfter, stubNeutralSite } from './support/neutral-site';
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
      await relayExit(page);
      await visit(page, `${portal}/complain?lng=en`, { language: 'en' });
      await started(page, '[data-exit-this-page]');
      await page.focus('[data-exit-this-page]');
      await settleAfter(page, () => page.keyboard.press('Space'));
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
