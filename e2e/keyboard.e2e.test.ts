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

describe('after "Exit this page"', () => {
  it('Back does not return to a page of the service', async () => {
    const { context, page } = await newPage(browser);
    try {
      await stubNeutralSite(page);
      await relayExit(page);
      await visit(page, `${portal}/complain?lng=en`, { language: 'en' });
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('main a.govuk-button--start')]);
      await checkPage(page, { language: 'en', label: 'first question' });
      await page.check('input[name="role"][value="parent_or_carer"]');
      await settleAfter(page, () => page.click('[data-exit-this-page]'));
      // Back settles somewhere other than the transient error page; it must be none of ours.
      const url = await settleAfter(page, () => page.goBack({ waitUntil: 'commit' }), (at) => !at.startsWith('chrome-error:') && !at.endsWith('/exit'));
      expect(url === 'about:blank' || url === NEUTRAL_SITE, `Back reached ${url}`).toBe(true);
    } finally {
      await context.close();
    }
  });
});
