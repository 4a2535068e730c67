import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { atScale, type BenchRow, type BenchSuite, childEnv, root } from '../harness';

const CONNECTIONS = atScale(50, 5);
const DURATION = atScale(10, 1);
/** Pages whose whole weight is measured: the home page, the form's first question, the leaflet. */
const WEIGHED = ['/', '/complain/who', '/leaflets/adult'];
const WEIGHT_TARGET_KB = 150;

/**
 * What a first visit to each page downloads in Debian's chromium with JavaScript on and an empty
 * cache: the page, its styles, scripts, fonts, images and the wording it fetches, as transferred
 * (compressed, with headers), summed from the browser's own network events.
 */
async function pageWeights(base: string): Promise<Array<{ path: string; kb: number; requests: number }>> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const weights = [];
    for (const path of WEIGHED) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      let bytes = 0;
      let requests = 0;
      cdp.on('Network.loadingFinished', (event) => {
        bytes += event.encodedDataLength;
        requests += 1;
      });
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      await page.waitForSelector('html[data-hydrated]');
      await context.close();
      weights.push({ path, kb: Math.round((bytes / 1024) * 10) / 10, requests });
    }
    return weights;
  } finally {
    await browser.close();
  }
}

/**
 * Public pages against a bare Remix route rendering a static page, same connections, same run:
 * requests per second should be at least half the baseline's, and the tail latency under 50 ms.
 * autocannon reports the 97.5th percentile, not the 95th; it is the stricter of the two.
 */
export const suite: BenchSuite = {
  name: 'public pages',
  async run(ctx) {
    const database = await ctx.createDatabase();
    const system = await ctx.startSystem(database.url, { portal: 3200, backoffice: 3201 }, { DEMO: 'true' });
    const baseline = spawn(process.execPath, [path.join(root, 'bench', 'baseline-remix', 'server.mjs')], { env: childEnv({ PORT: '3299' }), stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => baseline.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
    const rows: BenchRow[] = [];
    try {
      // Both servers are warmed first, so the measured runs compare steady states, not start-up.
      for (const url of ['http://127.0.0.1:3299/', 'http://127.0.0.1:3200/', 'http://127.0.0.1:3200/privacy', 'http://127.0.0.1:3200/?lng=cy']) {
        await ctx.load({ url, connections: 10, duration: 3 });
      }
      const base = await ctx.load({ url: 'http://127.0.0.1:3299/', connections: CONNECTIONS, duration: DURATION });
      ctx.log(`baseline: ${Math.round(base.requests.average)}/s, p97.5 ${base.latency.p97_5} ms`);
      for (const page of ['/', '/privacy', '/?lng=cy']) {
        const result = await ctx.load({ url: `http://127.0.0.1:3200${page}`, connections: CONNECTIONS, duration: DURATION });
        const errors = result.errors + result.non2xx;
        ctx.log(`${page}: ${Math.round(result.requests.average)}/s, p97.5 ${result.latency.p97_5} ms, errors ${errors}`);
        rows.push({
          suite: 'public pages',
          measure: `${page} requests per second (${CONNECTIONS} connections)`,
          value: Math.round(result.requests.average),
          unit: '/s',
          target: '≥ half the baseline',
          baseline: `${Math.round(base.requests.average)}/s`,
          pass: result.requests.average >= base.requests.average / 2 && errors === 0,
        });
        rows.push({
          suite: 'public pages',
          measure: `${page} latency p97.5`,
          value: result.latency.p97_5,
          unit: 'ms',
          target: '< 50 ms (p95), within 2× the baseline',
          baseline: `${base.latency.p97_5} ms`,
          pass: result.latency.p97_5 < 50 && result.latency.p97_5 <= 2 * base.latency.p97_5,
        });
      }
      // The same page for a visitor with a cookie is rendered every time (shared-pages.ts serves
      // the copy only to visitors without one): what a page costs to render, beside the baseline.
      const rendered = await ctx.load({ url: 'http://127.0.0.1:3200/privacy', headers: { cookie: 'lng=en' }, connections: CONNECTIONS, duration: DURATION });
      ctx.log(`/privacy rendered each time: ${Math.round(rendered.requests.average)}/s, p97.5 ${rendered.latency.p97_5} ms`);
      rows.push({
        suite: 'public pages',
        measure: `/privacy rendered for each request (a visitor with a cookie), requests per second (${CONNECTIONS} connections), p97.5`,
        value: Math.round(rendered.requests.average),
        unit: `/s, ${rendered.latency.p97_5} ms`,
        target: 'measured',
        baseline: `${Math.round(base.requests.average)}/s, ${base.latency.p97_5} ms`,
        pass: rendered.errors + rendered.non2xx === 0,
      });
      for (const weight of await pageWeights('http://localhost:3200')) {
        ctx.log(`${weight.path}: ${weight.kb} KB in ${weight.requests} requests`);
        rows.push({
          suite: 'public pages',
          measure: `${weight.path} whole weight, first visit with JavaScript (${weight.requests} requests)`,
          value: weight.kb,
          unit: 'KB',
          target: `< ${WEIGHT_TARGET_KB} KB`,
          pass: weight.kb < WEIGHT_TARGET_KB,
        });
      }
    } finally {
      baseline.kill('SIGTERM');
      await system.stop();
      await database.drop();
    }
    return rows;
  },
};
