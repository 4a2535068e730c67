import { organisation } from '@complaints/content';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { ComplaintForm } from './support/complaint-form';
import { checkPage } from './support/pages';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('on a shared device', () => {
  for (const javaScript of [true, false]) {
    it(`Exit this page forgets the answers: going back shows the form empty (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const form = await ComplaintForm.open(browser, { language: 'en', javaScript });
      const { page } = form;
      try {
        // There is no internet here: the neutral site is a stub page.
        await page.route(organisation.exitThisPage.url, (route) =>
          route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="en"><head><title>Weather</title></head><body><h1>Weather</h1></body></html>' }),
        );
        await form.start('/complain');
        await form.choose('role', 'parent_or_carer');
        await form.continue('your name');
        await form.type('fullName', 'Jodie Harris');
        await form.continue('the case');
        await form.at('/complain/case');
        expect((await page.context().cookies()).map((c) => c.name)).toContain('complaint_form');

        const [exit] = await Promise.all([
          page.waitForResponse((r) => new URL(r.url()).pathname === '/exit'),
          page.locator('[data-exit-this-page]').click(),
        ]);
        expect(exit.status()).toBe(303);
        expect((await exit.allHeaders())['clear-site-data']).toBe('"cache", "cookies", "storage"');
        await page.waitForURL(organisation.exitThisPage.url);
        expect(await page.context().cookies()).toEqual([]);

        // With JavaScript the page left was replaced in history; without it, it is the page Back
        // reaches first. The pages before it come back from the server with no answers in them,
        // and the browser must not fill them in from its memory of them.
        if (!javaScript) await page.goBack({ waitUntil: 'load' });
        await page.goBack({ waitUntil: 'load' });
        await form.at('/complain/your-name');
        await checkPage(page, { language: 'en', label: 'your name, after exit' });
        expect(await page.inputValue('[id="fullName"]')).toBe('');
        await page.goBack({ waitUntil: 'load' });
        await form.at('/complain/who');
        await checkPage(page, { language: 'en', label: 'who are you, after exit' });
        expect(await page.locator('input[name="role"]:checked').count()).toBe(0);
      } finally {
        await form.done();
      }
    });
  }
});
