import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { expectNoAxeViolations } from './support/accessibility';
import { checkPage, visit } from './support/pages';

const portal = inject('portalUrl');
const backoffice = inject('backofficeUrl');

/** Every page there is, in both languages: each must answer and pass axe-core. */
const PAGES: Array<{ app: string; path: string; status?: number }> = [
  { app: portal, path: '/' },
  { app: portal, path: '/accessibility' },
  { app: portal, path: '/privacy' },
  { app: portal, path: '/cookies' },
  { app: portal, path: '/no-such-page', status: 404 },
  { app: backoffice, path: '/' },
  { app: backoffice, path: '/no-such-page', status: 404 },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('every page, in English and Welsh', () => {
  for (const language of ['en', 'cy'] as const) {
    for (const p of PAGES) {
      it(`${p.app === portal ? 'portal' : 'back office'} ${p.path} in ${language}`, async () => {
        const { context, page } = await newPage(browser);
        await visit(page, `${p.app}${p.path}?lng=${language}`, { status: p.status ?? 200, language });
        await context.close();
      });
    }
  }
});

describe('the language switch', () => {
  it('keeps you on the same page, and the choice is remembered', async () => {
    const { context, page } = await newPage(browser);
    await visit(page, `${portal}/privacy`, { language: 'en' });
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL(/\/privacy\?lng=cy/);
    await checkPage(page, { language: 'cy' });
    expect(await page.locator('h1').textContent()).toBe('Hysbysiad preifatrwydd');
    // Without the query, the cookie keeps Welsh.
    await visit(page, `${portal}/cookies`, { language: 'cy' });
    await page.getByRole('link', { name: /English/ }).click();
    await page.waitForURL(/lng=en/);
    await visit(page, `${portal}/`, { language: 'en' });
    await context.close();
  });

  it('falls back to the browser language', async () => {
    const { context, page } = await newPage(browser, { locale: 'cy-GB' });
    await visit(page, `${portal}/`, { language: 'cy' });
    await context.close();
  });

  it('works without JavaScript', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    await visit(page, `${backoffice}/`, { language: 'en' });
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL(/lng=cy/);
    await checkPage(page, { language: 'cy' });
    await context.close();
  });
});

describe('Exit this page', () => {
  it('is on every portal page and not in the back office', async () => {
    const { context, page } = await newPage(browser);
    for (const path of ['/', '/privacy', '/no-such-page']) {
      await page.goto(`${portal}${path}`);
      await expect(page.locator('[data-exit-this-page]').count()).resolves.toBe(1);
    }
    await page.goto(`${backoffice}/`);
    await expect(page.locator('[data-exit-this-page]').count()).resolves.toBe(0);
    await context.close();
  });

  it('leaves at once and Back does not return to the page', async () => {
    const { context, page } = await newPage(browser);
    await visit(page, `${portal}/accessibility`);
    await visit(page, `${portal}/privacy`);
    await page.locator('[data-exit-this-page]').click();
    await page.waitForURL(/bbc\.co\.uk/);
    await page.goBack();
    // The privacy page was replaced in history, so Back goes to the page before it.
    expect(page.url()).toBe(`${portal}/accessibility`);
    await context.close();
  });

  it('leaves when Escape is pressed three times', async () => {
    const { context, page } = await newPage(browser);
    await visit(page, `${portal}/`);
    // Leaving goes through /exit. Playwright does not always answer the redirect's second hop from
    // its route when the navigation was started by a key rather than a click, so what is checked is
    // that the browser asks for the neutral site, sent there by /exit.
    const leaving = page.waitForRequest(/bbc\.co\.uk/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect((await leaving).redirectedFrom()?.url()).toBe(`${portal}/exit`);
    await context.close();
  });

  it('is a plain link without JavaScript', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    await visit(page, `${portal}/`);
    await page.locator('[data-exit-this-page]').click();
    await page.waitForURL(/bbc\.co\.uk/);
    await context.close();
  });

  it('is reached first by keyboard after the skip link', async () => {
    const { context, page } = await newPage(browser);
    await visit(page, `${portal}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Skip to main content/);
    await context.close();
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy with a nonce and refuses framing', async () => {
    const response = await fetch(`${portal}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses a POST from another site', async () => {
    const response = await fetch(`${backoffice}/`, { method: 'POST', headers: { Origin: 'https://evil.example' }, body: 'x=1' });
    expect(response.status).toBe(403);
  });
});

describe('the accessibility check itself', () => {
  it('finds a real problem, with JavaScript on and off', async () => {
    for (const javaScript of [true, false]) {
      const { context, page } = await newPage(browser, { javaScript });
      await visit(page, `${portal}/`);
      // Break the page the way a careless change might: an image with no text alternative, and a
      // field with no label.
      await page.setContent(
        (await page.content()).replace(
          '<main',
          '<img src="/favicon.ico"><input type="text" name="unlabelled"><main',
        ),
      );
      const failure = await expectNoAxeViolations(page, 'a broken page').then(
        () => null,
        (error: { actual?: unknown }) => error,
      );
      expect(failure, `javaScript ${javaScript}`).not.toBeNull();
      expect(JSON.stringify(failure?.actual)).toMatch(/image-alt/);
      expect(JSON.stringify(failure?.actual)).toMatch(/label/);
      await context.close();
    }
  });
});
