import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildPublicDocument, type DocumentLanguage, renderPdf } from '@complaints/documents';
import { DEFAULT_TIMESCALES } from '@complaints/domain';
import { atScale, type BenchRow, type BenchSuite, root } from '../harness';

const CONNECTIONS = atScale(50, 5);
const DURATION = atScale(10, 1);
const RUNS = atScale(20, 2);
const PORTS = { portal: 3402, backoffice: 3403 };
const LEAFLETS = ['leaflet-adult', 'leaflet-child'] as const;
const LANGUAGES: DocumentLanguage[] = ['en', 'cy'];

/**
 * Leaflet PDFs: how long one takes to make when it is not in the cache (the very first after the
 * process starts, fonts and all, then the median and 95th percentile of fresh renderings), and a
 * cached PDF served over HTTP under load beside a static file of exactly the same bytes served by
 * the same Express app (security headers, compression, logging and all), same connections, same
 * run; and the leaflet's web page beside another public page. autocannon reports the 97.5th
 * percentile of latency, the stricter neighbour of the 95th.
 */
export const suite: BenchSuite = {
  name: 'documents',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const source = (id: (typeof LEAFLETS)[number], language: DocumentLanguage) =>
      buildPublicDocument(id, language, { timescales: DEFAULT_TIMESCALES, portalUrl: `http://localhost:${PORTS.portal}` }).source;

    const firstStarted = performance.now();
    await renderPdf(source('leaflet-adult', 'en'));
    const first = performance.now() - firstStarted;
    ctx.log(`first rendering after start: ${Math.round(first)} ms`);
    rows.push({ suite: 'documents', measure: 'leaflet PDF, first rendering after the process starts', value: Math.round(first), unit: 'ms', target: '< 1000 ms', pass: first < 1000 });

    for (const id of LEAFLETS) {
      for (const language of LANGUAGES) {
        const document = source(id, language);
        const timing = await ctx.time(() => renderPdf(document), RUNS, 3);
        ctx.log(`${id} (${language}) cold: median ${Math.round(timing.median)} ms, p95 ${Math.round(timing.p95)} ms`);
        rows.push({
          suite: 'documents',
          measure: `${id} PDF (${language}) cold rendering, median / p95`,
          value: Math.round(timing.p95),
          unit: `ms p95 (median ${Math.round(timing.median)} ms)`,
          target: '< 1000 ms',
          pass: timing.p95 < 1000,
        });
      }
    }

    const staticName = `bench-static-${process.pid}.pdf`;
    const staticFile = path.join(root, 'apps', 'portal', 'build', 'client', staticName);
    // The portal serves only the public file names its build folder holds when it starts: the
    // file is put there first, and filled with the leaflet's bytes once the portal has made them.
    writeFileSync(staticFile, '');
    const database = await ctx.createDatabase();
    const system = await ctx.startSystem(database.url, PORTS, {});
    try {
      const pdfUrl = `http://127.0.0.1:${PORTS.portal}/leaflets/adult.pdf?lng=en`;
      const warm = await fetch(pdfUrl);
      if (!warm.ok) throw new Error(`The leaflet PDF answered ${warm.status}.`);
      const bytes = Buffer.from(await warm.arrayBuffer());
      // The same bytes as a plain file in the folder the portal serves its static files from.
      writeFileSync(staticFile, bytes);
      const staticUrl = `http://127.0.0.1:${PORTS.portal}/${staticName}`;
      const check = await fetch(staticUrl);
      if (!check.ok || Buffer.from(await check.arrayBuffer()).length !== bytes.length) throw new Error('The static copy was not served.');

      // The web page of the leaflet beside another public page of the portal, same run.
      const info = await ctx.load({ url: `http://127.0.0.1:${PORTS.portal}/privacy`, connections: CONNECTIONS, duration: DURATION });
      const leafletPage = await ctx.load({ url: `http://127.0.0.1:${PORTS.portal}/leaflets/adult`, connections: CONNECTIONS, duration: DURATION });
      const pageErrors = leafletPage.errors + leafletPage.non2xx;
      ctx.log(`/privacy: ${Math.round(info.requests.average)}/s, p97.5 ${info.latency.p97_5} ms`);
      ctx.log(`/leaflets/adult: ${Math.round(leafletPage.requests.average)}/s, p97.5 ${leafletPage.latency.p97_5} ms, errors ${pageErrors}`);
      rows.push({
        suite: 'documents',
        measure: `/leaflets/adult web page, requests per second (${CONNECTIONS} connections)`,
        value: Math.round(leafletPage.requests.average),
        unit: '/s',
        baseline: `${Math.round(info.requests.average)}/s /privacy`,
      });
      rows.push({
        suite: 'documents',
        measure: '/leaflets/adult web page, latency p97.5',
        value: leafletPage.latency.p97_5,
        unit: 'ms',
        target: '< 50 ms (p95)',
        baseline: `${info.latency.p97_5} ms /privacy`,
        pass: leafletPage.latency.p97_5 < 50 && pageErrors === 0,
      });

      const plain = await ctx.load({ url: staticUrl, connections: CONNECTIONS, duration: DURATION });
      const cached = await ctx.load({ url: pdfUrl, connections: CONNECTIONS, duration: DURATION });
      const errors = cached.errors + cached.non2xx;
      ctx.log(`static file (${bytes.length} bytes): ${Math.round(plain.requests.average)}/s, p97.5 ${plain.latency.p97_5} ms`);
      ctx.log(`cached leaflet PDF: ${Math.round(cached.requests.average)}/s, p97.5 ${cached.latency.p97_5} ms, errors ${errors}`);
      rows.push({
        suite: 'documents',
        measure: `cached leaflet PDF served, requests per second (${CONNECTIONS} connections, ${Math.round(bytes.length / 1024)} KB)`,
        value: Math.round(cached.requests.average),
        unit: '/s',
        target: 'as fast as a static file (≥ 90%)',
        baseline: `${Math.round(plain.requests.average)}/s static file, same bytes`,
        pass: cached.requests.average >= plain.requests.average * 0.9 && errors === 0,
      });
      rows.push({
        suite: 'documents',
        measure: 'cached leaflet PDF served, latency p97.5',
        value: cached.latency.p97_5,
        unit: 'ms',
        target: 'as fast as a static file',
        baseline: `${plain.latency.p97_5} ms static file`,
        pass: cached.latency.p97_5 <= Math.max(plain.latency.p97_5 * 1.1, plain.latency.p97_5 + 1),
      });
    } finally {
      rmSync(staticFile, { force: true });
      await system.stop();
      await database.drop();
    }
    return rows;
  },
};
