// `npm test`: type check, unit tests (in UTC and again in Europe/London for the date rules),
// integration tests (embedded database, and PostgreSQL too when DATABASE_URL is set), then the
// end-to-end journeys in headless Chromium. Stops at the first step that fails.
import { spawnSync } from 'node:child_process';

const steps = [
  ['Type check', ['tsc', '-p', 'tsconfig.json'], {}],
  ['Unit tests (TZ=UTC)', ['vitest', 'run', '--project', 'unit'], { TZ: 'UTC' }],
  ['Unit tests of the date rules (TZ=Europe/London)', ['vitest', 'run', '--project', 'unit', 'packages/domain'], { TZ: 'Europe/London' }],
  ['Integration tests', ['vitest', 'run', '--project', 'integration'], { TZ: 'UTC' }],
  ['End-to-end journeys', ['vitest', 'run', '--project', 'e2e'], { TZ: 'UTC' }],
];

const only = process.argv.slice(2);
for (const [name, args, env] of steps) {
  if (only.length > 0 && !only.some((o) => name.toLowerCase().includes(o.toLowerCase()))) continue;
  process.stdout.write(`\n=== ${name}${process.env.DATABASE_URL ? ' (DATABASE_URL set)' : ''}\n`);
  const started = Date.now();
  const result = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) {
    process.stderr.write(`\n${name} failed.\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`=== ${name}: passed in ${Math.round((Date.now() - started) / 1000)} s\n`);
}
