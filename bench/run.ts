import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { useLibraryProductionBuilds } from '@complaints/config';
import { useHistoryKey } from '@complaints/db';
import { BENCH_HISTORY_KEY, type BenchRow, type BenchSuite, buildAll, createContext, root, SMOKE } from './harness';

/**
 * `npm run bench [suite…]`: measures against real PostgreSQL (BENCH_DATABASE_URL, DATABASE_URL, or
 * the local server) and prints each figure beside its target and, where there is one, the
 * baseline measured in the same run. Results also go to bench/results/latest.md.
 */
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const only = process.argv.slice(2);

// Use cases timed in this process (the reminder emails are rendered with React) run on the
// libraries' production builds, as they do in the worker; set before the suites load them.
useLibraryProductionBuilds();
// History the suites write themselves is signed with the key the parts they start are given.
useHistoryKey(BENCH_HISTORY_KEY);

const folder = path.join(root, 'bench', 'suites');
const files = readdirSync(folder).filter((f) => f.endsWith('.ts')).sort();
const suites: BenchSuite[] = [];
for (const file of files) {
  const mod = (await import(path.join(folder, file))) as { suite?: BenchSuite };
  if (mod.suite && (only.length === 0 || only.some((o) => mod.suite!.name.includes(o) || file.includes(o)))) suites.push(mod.suite);
}

// Only a suite that starts the apps needs them built: one run alone on the services does not wait for it.
if (suites.some((s) => s.needsBuild !== false)) buildAll();
const ctx = createContext(serverUrl);
const rows: BenchRow[] = [];
for (const suite of suites) {
  process.stdout.write(`\n== ${suite.name}\n`);
  const started = Date.now();
  rows.push(...(await suite.run(ctx)));
  process.stdout.write(`   (${Math.round((Date.now() - started) / 1000)} s)\n`);
}

const format = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1));
const table = [
  '| suite | measure | result | target | baseline (same run) | met |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    (r) => `| ${r.suite} | ${r.measure} | ${format(r.value)} ${r.unit} | ${r.target ?? ''} | ${r.baseline ?? ''} | ${r.pass === undefined ? '' : r.pass ? 'yes' : 'no'} |`,
  ),
].join('\n');
process.stdout.write(`\n${table}\n`);
if (SMOKE) process.stdout.write('\nA smoke run at a tiny size: every suite ran end to end; its figures measure nothing.\n');
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(root, 'bench', 'results', SMOKE ? 'smoke.md' : 'latest.md'), `${new Date().toISOString()}\n\n${table}\n`);
