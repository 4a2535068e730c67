import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startSmtpSink } from '@complaints/notifications/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    portalUrl: string;
    backofficeUrl: string;
    mailFolder: string;
    dataFolder: string;
    /** The process running the system, to watch its memory. */
    systemPid: number;
    /** Demo complaints to follow online, as the start-up message lists them. */
    demoComplaints: DemoComplaint[];
  }
}

export type DemoComplaint = { reference: string; state: string; email: string | null; caseUrl: string };

/** The start-up message's list of demo complaints to follow: "  CMP-…  state  email x@y | post  https://…/complaints/id". */
function demoComplaintsIn(output: string): DemoComplaint[] {
  const found: DemoComplaint[] = [];
  for (const m of output.matchAll(/^\s+(CMP-[0-9A-Z]{4}-[0-9A-Z]{4})\s+(\w+)\s+(?:email (\S+)|post)\s+(\S+\/complaints\/\S+)$/gm)) {
    found.push({ reference: m[1]!, state: m[2]!, email: m[3] ?? null, caseUrl: m[4]! });
  }
  return found;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PORTAL_PORT = Number(process.env.E2E_PORTAL_PORT ?? 3100);
const BACKOFFICE_PORT = Number(process.env.E2E_BACKOFFICE_PORT ?? 3101);

async function waitForReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The system under test stopped while starting:\n${output()}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The system under test did not become ready at ${url}:\n${output()}`);
}

/**
 * Builds the apps, then starts the whole system as `npm start` does (production build, embedded
 * database in a fresh folder with the demo data, worker included), with mail going to a real SMTP
 * sink on loopback. Journeys run against it; it stops when they are done.
 */
export default async function setup(project: TestProject) {
  // Several test runs on one machine must not build into the same folders at once.
  const build = spawnSync('flock', ['/tmp/complaints-build.lock', 'npx', 'turbo', 'run', 'build', '--output-logs=errors-only'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (build.error || build.status !== 0) throw new Error(`The build failed; the journeys need a built system. ${build.error?.message ?? ''}`);

  const folder = mkdtempSync(path.join(tmpdir(), 'complaints-e2e-'));
  const mailFolder = path.join(folder, 'mail');
  const sink = await startSmtpSink(mailFolder);
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-all.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: path.join(folder, 'data'),
      PORTAL_PORT: String(PORTAL_PORT),
      BACKOFFICE_PORT: String(BACKOFFICE_PORT),
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const portalUrl = `http://localhost:${PORTAL_PORT}`;
  const backofficeUrl = `http://localhost:${BACKOFFICE_PORT}`;
  try {
    await waitForReady(portalUrl, child, () => output);
    await waitForReady(backofficeUrl, child, () => output);
  } catch (error) {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
    await sink.close();
    throw error;
  }
  // The start-up message follows readiness by a moment.
  for (let waited = 0; !output.includes('Press Ctrl+C to stop.') && waited < 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  project.provide('demoComplaints', demoComplaintsIn(output));
  project.provide('portalUrl', portalUrl);
  project.provide('backofficeUrl', backofficeUrl);
  project.provide('mailFolder', mailFolder);
  project.provide('dataFolder', path.join(folder, 'data'));
  project.provide('systemPid', child.pid ?? 0);

  return async () => {
    if (child.pid && child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
          resolve();
        }, 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    await sink.close();
    rmSync(folder, { recursive: true, force: true });
  };
}
