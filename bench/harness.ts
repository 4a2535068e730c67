import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';

/** The benchmark's key for signing history, in this process (the suites' own writes) and in the parts it starts. */
export const BENCH_HISTORY_KEY = new Uint8Array(32).fill(6);

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The environment as the benchmark was started. `run.ts` then switches this process to the
 * libraries' production builds, as the apps and the worker do; the processes the suites start
 * are given the environment as it was, so the bare baseline loads the React build NODE_ENV says.
 */
const launchedEnv: NodeJS.ProcessEnv = { ...process.env };

/** The environment for a process a suite starts: as the benchmark was started, with `extra` added. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...launchedEnv, ...extra };
}

/**
 * `BENCH_SMOKE=1` runs every suite end to end at a tiny size (a few thousand complaints, one-second
 * loads), to show each still works; its figures measure nothing and are not compared with targets.
 */
export const SMOKE = process.env.BENCH_SMOKE === '1';

/** A suite's size: the full figure, or the tiny one in a smoke run. */
export function atScale<T>(full: T, smoke: T): T {
  return SMOKE ? smoke : full;
}

export type BenchRow = {
  suite: string;
  measure: string;
  value: number;
  unit: string;
  /** The target from the quality bar, in words, e.g. "≥ 200/s" or "< 100 ms". */
  target?: string;
  /** The baseline measured in the same run, where there is one. */
  baseline?: string;
  pass?: boolean;
};

export type StartedSystem = {
  stop(): Promise<void>;
  /**
   * The CPU time (user and system) the system's process has used so far, in milliseconds, read from
   * /proc; null where there is no /proc. The difference over a load run, divided by the requests
   * served, is the server time of one request.
   */
  cpuTime(): number | null;
};

export type BenchContext = {
  /** A PostgreSQL server; each suite makes its own databases on it. */
  serverUrl: string;
  createDatabase(): Promise<{ url: string; drop(): Promise<void> }>;
  /** Starts the built system (portal, back office, worker) on a database; stops it afterwards. */
  startSystem(databaseUrl: string, ports: { portal: number; backoffice: number }, env?: Record<string, string>): Promise<StartedSystem>;
  /** Load from a second process's worth of connections, with autocannon. */
  load(options: autocannon.Options): Promise<autocannon.Result>;
  /** Times a function: median and 95th percentile in milliseconds over `runs` after `warmup`. */
  time(fn: () => Promise<unknown>, runs: number, warmup?: number): Promise<{ median: number; p95: number; mean: number }>;
  log(message: string): void;
};

export type BenchSuite = {
  name: string;
  /** False for a suite that measures the services and database directly, without the built apps. */
  needsBuild?: boolean;
  run(ctx: BenchContext): Promise<BenchRow[]>;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function createContext(serverUrl: string): BenchContext {
  return {
    serverUrl,
    async createDatabase() {
      const name = `complaints_bench_${randomBytes(4).toString('hex')}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`CREATE DATABASE ${name}`);
      await admin.end();
      const u = new URL(serverUrl);
      u.pathname = `/${name}`;
      return {
        url: u.toString(),
        async drop() {
          const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
          await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await a.end();
        },
      };
    },
    async startSystem(databaseUrl, ports, env = {}) {
      let output = '';
      const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-all.ts'], {
        cwd: root,
        env: childEnv({
          DATABASE_URL: databaseUrl,
          PORTAL_PORT: String(ports.portal),
          BACKOFFICE_PORT: String(ports.backoffice),
          LOG_LEVEL: 'error',
          MAIL_TRANSPORT: 'file',
          DATA_DIR: path.join(root, 'bench', 'results', 'data'),
          // Not the demo (unless a suite says DEMO=true): the settings a real deployment must give.
          PORTAL_URL: `http://localhost:${ports.portal}`,
          BACKOFFICE_URL: `http://localhost:${ports.backoffice}`,
          // autocannon connects directly: no proxy in front.
          TRUSTED_PROXIES: '0',
          HISTORY_KEY: Buffer.from(BENCH_HISTORY_KEY).toString('base64'),
          SECOND_FACTOR_KEY: Buffer.alloc(32, 5).toString('base64'),
          ...env,
        }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      const deadline = Date.now() + 120_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`The system stopped while starting:\n${output}`);
        try {
          if ((await fetch(`http://localhost:${ports.backoffice}/readyz`)).ok && (await fetch(`http://localhost:${ports.portal}/readyz`)).ok) break;
        } catch {
          // starting
        }
        if (Date.now() > deadline) throw new Error(`The system did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      return {
        cpuTime: () => processCpuTime(child.pid),
        stop: () =>
          new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    },
    load(options) {
      return new Promise((resolve, reject) => {
        autocannon({ ...options }, (error, result) => (error ? reject(error) : resolve(result)));
      });
    },
    async time(fn, runs, warmup = 5) {
      for (let i = 0; i < warmup; i += 1) await fn();
      const samples: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const started = performance.now();
        await fn();
        samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      return {
        median: percentile(samples, 50),
        p95: percentile(samples, 95),
        mean: samples.reduce((a, b) => a + b, 0) / samples.length,
      };
    },
    log(message) {
      process.stdout.write(`  ${message}\n`);
    },
  };
}

let clockTicks: number | null = null;

/** A process's CPU time so far (user and system, in ms), from fields 14 and 15 of /proc/<pid>/stat. */
export function processCpuTime(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null;
  // The fields after the command's name, which is in brackets and may itself hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

/** Builds the apps (and the bare Remix baseline) once before the suites run. */
export function buildAll(): void {
  const build = spawnSync('flock', ['/tmp/complaints-build.lock', 'npx', 'turbo', 'run', 'build', '--output-logs=errors-only'], {
    cwd: root,
    stdio: 'inherit',
    env: childEnv({ TURBO_TELEMETRY_DISABLED: '1' }),
  });
  if (build.status !== 0) throw new Error('The build failed.');
  const baseline = spawnSync('npx', ['remix', 'vite:build'], { cwd: path.join(root, 'bench', 'baseline-remix'), stdio: 'inherit', env: childEnv() });
  if (baseline.status !== 0) throw new Error('The baseline build failed.');
}
