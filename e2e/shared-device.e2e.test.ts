import { organisation } from '@complaints/content';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { ComplaintForm } from './support/complaint-form';
import { settleAfter, stubNeutralSite } from './support/neutral-site';
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
        await stubNeutralSite(page);
        await form.start('/complain');
        await form.choose('role', 'parent_or_carer');
        await form.continue('your name');
        await form.type('fullName', 'Jodie Harris');
        await form.continue('the case');
        await form.at('/complain/case');
        expect((await page.context().cookies()).map((c) => c.name)).toContain('complaint_form');
        // The portal's answer to /exit is relayed through Playwright and kept to check, as the
        // relayed answer does not keep all its headers.
        const exits: { status: number; headers: Record<string, string> }[] = [];
        await page.context().route(
          (url) => url.pathname === '/exit',
          async (route) => {
            const response = await route.fetch({ maxRedirects: 0 });
            exits.push({ status: response.status(), headers: response.headers() });
            await route.fulfill({ response });
          },
        );

        await settleAfter(page, () => page.locator('[data-exit-this-page]').click());
        expect(exits).toHaveLength(1);
        expect(exits[0]!.status).toBe(303);
        expect(exits[0]!.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
        expect(await page.context().cookies()).toEqual([]);

        if (javaScript) {
          // With JavaScript, leaving went back to the visit's first page and replaced it: Back
          // from the neutral site reaches the page before the visit (here the new tab's blank
          // page), not one of ours. Forward still reaches the later pages, which come back from
          // the server with no answers in them.
          await page.goBack({ waitUntil: 'load' });
          expect(page.url()).toBe('about:blank');
          await settleAfter(page, () => page.goForward({ waitUntil: 'load' }));
          await page.goForward({ waitUntil: 'load' });
          await form.at('/complain/who');
          await checkPage(page, { language: 'en', label: 'who are you, forward after exit' });
          expect(await page.locator('input[name="role"]:checked').count()).toBe(0);
          await page.goForward({ waitUntil: 'load' });
          await form.at('/complain/your-name');
          expect(await page.inputValue('[id="fullName"]')).toBe('');
        } else {
          // Without JavaScript the exit is a plain link: the pages of the visit stay in the
          // history, and come back from the server with no answers in them.
          await page.goBack({ waitUntil: 'load' });
          await page.goBack({ waitUntil: 'load' });
          await form.at('/complain/your-name');
          await checkPage(page, { language: 'en', label: 'your name, after exit' });
          expect(await page.inputValue('[id="fullName"]')).toBe('');
          await page.goBack({ waitUntil: 'load' });
          await form.at('/complain/who');
          await checkPage(page, { language: 'en', label: 'who are you, after exit' });
          expect(await page.locator('input[name="role"]:checked').count()).toBe(0);
        }
      } finally {
        await form.done();
      }
    });
  }
});
