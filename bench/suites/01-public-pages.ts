import { spawn } from 'node:child_process';
import path from 'node:path';
import { atScale, type BenchRow, type BenchSuite, childEnv, root } from '../harness';

const CONNECTIONS = atScale(50, 5);
const DURATION = atScale(10, 1);

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
          target: '< 50 ms (p95)',
          baseline: `${base.latency.p97_5} ms`,
          pass: result.latency.p97_5 < 50,
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
