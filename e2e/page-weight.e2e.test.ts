import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { waitForHydration } from './support/pages';

/**
 * What a first visit costs someone on a slow or metered phone: every byte the browser transfers
 * for a public page with JavaScript on and an empty cache (the page, styles, scripts, the wording
 * it fetches, the icon), compressed as sent, headers included. The budget is 150 KB a page.
 */

const portal = inject('portalUrl');
const BUDGET_BYTES = 150 * 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a first visit to a public page', () => {
  for (const path of ['/', '/complain/who', '/leaflets/adult', '/?lng=cy']) {
    it(`${path} weighs under 150 KB`, async () => {
      const { context, page } = await newPage(browser);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const sizes = new Map<string, number>();
      const urls = new Map<string, string>();
      cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
      cdp.on('Network.loadingFinished', (event) => sizes.set(urls.get(event.requestId) ?? event.requestId, event.encodedDataLength));
      await page.goto(`${portal}${path}`, { waitUntil: 'networkidle' });
      await waitForHydration(page);
      await context.close();
      const total = [...sizes.values()].reduce((a, b) => a + b, 0);
      const heaviest = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([url, bytes]) => `${new URL(url).pathname} ${bytes}`);
      expect(total, `${total} bytes in ${sizes.size} requests; heaviest: ${heaviest.join(', ')}`).toBeLessThan(BUDGET_BYTES);
    });
  }

  it('gets its scripts and styles as the build compressed them, Brotli first, and cached for good', async () => {
    const html = await (await fetch(`${portal}/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(2);
    for (const asset of assets) {
      const plain = await fetch(`${portal}${asset}`, { headers: { 'Accept-Encoding': 'identity' } });
      const plainBytes = (await plain.arrayBuffer()).byteLength;
      if (plainBytes < 1024) continue; // too small to be worth compressing
      // The headers say what was sent (fetch decodes the body itself).
      const brotli = await fetch(`${portal}${asset}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
      await brotli.arrayBuffer();
      expect(brotli.headers.get('content-encoding'), asset).toBe('br');
      expect(Number(brotli.headers.get('content-length')), asset).toBeLessThan(plainBytes / 2);
      expect(brotli.headers.get('cache-control'), asset).toContain('immutable');
      expect(brotli.headers.get('vary'), asset).toMatch(/accept-encoding/i);
    }
  });
});
