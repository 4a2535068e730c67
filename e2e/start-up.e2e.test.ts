import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

function tempFolder(): string {
  const f = mkdtempSync(path.join(tmpdir(), 'complaints-start-'));
  folders.push(f);
  return f;
}

// A test that fails part-way leaves no system running behind it on its ports.
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function start(script: string, env: Record<string, string>): Started {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', MAIL_TRANSPORT: 'file', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  running.add(child);
  void exited.then(() => running.delete(child));
  return { child, output: () => output, exited };
}

async function waitFor(url: string, started: Started): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`Stopped while starting:\n${started.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Not ready at ${url}:\n${started.output()}`);
}

/**
 * Waits until the process has printed what it prints once it is serving: the servers answer a
 * moment before the addresses and accounts reach the pipe.
 */
async function waitForOutput(started: Started, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!pattern.test(started.output()) && Date.now() < deadline) {
    if (started.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(started: Started): Promise<number | null> {
  if (started.child.pid) process.kill(-started.child.pid, 'SIGTERM');
  return started.exited;
}

describe('starting the system', () => {
  it('runs on the embedded database, and keeps its data when stopped and started again', async () => {
    const data = path.join(tempFolder(), 'data');
    const ports = { PORTAL_PORT: '3110', BACKOFFICE_PORT: '3111' };
    const first = start('scripts/start-all.ts', { DATA_DIR: data, ...ports });
    await waitFor('http://localhost:3110/readyz', first);
    await waitFor('http://localhost:3111/readyz', first);
    await waitForOutput(first, /aisha\.khan@example\.org/);
    expect(first.output()).toMatch(/Portal:\s+http:\/\/localhost:3110/);
    expect(first.output()).toMatch(/Back office:\s+http:\/\/localhost:3111/);
    expect(first.output()).toMatch(/demo data added: \d+ complaints/);
    for (const url of ['http://localhost:3110/', 'http://localhost:3110/?lng=cy', 'http://localhost:3111/', 'http://localhost:3111/?lng=cy']) {
      expect((await fetch(url)).status, url).toBe(200);
    }
    expect(await stop(first)).toBe(0);

    const second = start('scripts/start-all.ts', { DATA_DIR: data, ...ports });
    await waitFor('http://localhost:3110/readyz', second);
    await waitForOutput(second, /aisha\.khan@example\.org/);
    // The same data: no second seeding, and the demo accounts are still there.
    expect(second.output()).not.toMatch(/demo data added/);
    expect(second.output()).toMatch(/aisha\.khan@example\.org/);
    expect(await stop(second)).toBe(0);
  });

  it('refuses a second process on the same embedded data folder, in one sentence', async () => {
    const data = path.join(tempFolder(), 'data');
    const first = start('scripts/start-all.ts', { DATA_DIR: data, PORTAL_PORT: '3112', BACKOFFICE_PORT: '3113' });
    await waitFor('http://localhost:3112/readyz', first);
    const second = start('scripts/start-all.ts', { DATA_DIR: data, PORTAL_PORT: '3114', BACKOFFICE_PORT: '3115' });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/already using the embedded database/);
    expect(second.output()).not.toMatch(/\n\s+at /);
    await stop(first);
  });

  it('stops with one clear sentence when DATABASE_URL cannot be reached', async () => {
    const run = start('scripts/start-all.ts', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere', DEMO: 'true', PORTAL_PORT: '3116', BACKOFFICE_PORT: '3117' });
    expect(await run.exited).toBe(1);
    const text = run.output().trim();
    expect(text).toMatch(/^Cannot reach the database at postgres:\/\/postgres@127\.0\.0\.1:1\/nowhere \(connection refused\)\./);
    expect(text.split('\n')).toHaveLength(1);
  });

  it('stops with one clear sentence when the data folder cannot be written', async () => {
    const run = start('scripts/start-all.ts', { DATA_DIR: '/etc/hostname/data', PORTAL_PORT: '3118', BACKOFFICE_PORT: '3119' });
    expect(await run.exited).toBe(1);
    const text = run.output().trim();
    expect(text).toMatch(/^The data folder \/etc\/hostname\/data is not writable .*Set DATA_DIR/);
    expect(text.split('\n')).toHaveLength(1);
  });

  it('stops with one clear sentence when a setting is wrong', async () => {
    const run = start('scripts/start-all.ts', { PORTAL_PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toMatch(/^The configuration is not valid\. .*PORTAL_PORT/);
  });
});

describe.runIf(process.env.DATABASE_URL)('each part on its own against PostgreSQL', () => {
  it('starts the portal, the back office and the worker separately on one database', async () => {
    const serverUrl = process.env.DATABASE_URL!;
    const name = `complaints_parts_${randomBytes(4).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), DEMO: 'true', PORTAL_PORT: '3120', BACKOFFICE_PORT: '3121', DATA_DIR: tempFolder() };
    const parts = [start('apps/portal/server/main.ts', env), start('apps/backoffice/server/main.ts', env), start('apps/worker/src/main.ts', env)];
    try {
      await waitFor('http://localhost:3120/readyz', parts[0]!);
      await waitFor('http://localhost:3121/readyz', parts[1]!);
      expect((await fetch('http://localhost:3120/?lng=cy')).status).toBe(200);
      expect((await fetch('http://localhost:3121/')).status).toBe(200);
      // Migrations ran once under the lock and the demo data (asked for with DEMO=true) was seeded once, whoever started first.
      const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
      const [{ n }] = (await db`select count(*)::int as n from business_areas`) as unknown as [{ n: number }];
      await db.end();
      expect(n).toBe(3);
      const deadline = Date.now() + 30_000;
      while (!parts[2]!.output().includes('Worker: running') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(parts[2]!.output()).toContain('Worker: running');
      for (const p of parts) await stop(p);

      // The demo's database has demo accounts: no part outside demo mode will serve it.
      const real = { ...env, DEMO: 'false', PORTAL_URL: 'https://complaints.example.org', BACKOFFICE_URL: 'https://staff.complaints.example.org', TRUSTED_PROXIES: '10.0.0.0/8', SECOND_FACTOR_KEY: Buffer.alloc(32, 5).toString('base64'), HISTORY_KEY: Buffer.alloc(32, 6).toString('base64') };
      for (const script of ['apps/portal/server/main.ts', 'apps/backoffice/server/main.ts', 'apps/worker/src/main.ts']) {
        const refused = start(script, real);
        expect(await refused.exited, script).toBe(1);
        expect(refused.output().trim()).toMatch(/^This database holds demo staff accounts, whose password is published, so the system will not start outside demo mode: [^\n]*\.$/);
      }
    } finally {
      for (const p of parts) if (p.child.exitCode === null) await stop(p);
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
