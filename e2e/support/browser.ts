import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { markWithoutJavaScript } from './accessibility';
import { watchForScriptErrors } from './pages';

/** Debian's chromium; nothing is downloaded. */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(EXECUTABLE)) {
    throw new Error(`Chromium was not found at ${EXECUTABLE}. Install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * A fresh browser context (no cookies). Anything outside localhost is answered locally, so "Exit
 * this page" and other outside links can be followed without the internet.
 */
export async function newPage(browser: Browser, options: { javaScript?: boolean; locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, locale: options.locale ?? 'en-GB' });
  await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="en"><head><title>Weather</title></head><body><h1>Weather</h1></body></html>' }),
  );
  const page = await context.newPage();
  if (options.javaScript === false) markWithoutJavaScript(page);
  else watchForScriptErrors(page);
  return { context, page };
}
