import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCookie } from '@remix-run/node';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const MAINS = {
  portal: 'apps/portal/server/main.ts',
  backoffice: 'apps/backoffice/server/main.ts',
  worker: 'apps/worker/src/main.ts',
} as const;

export type PartName = keyof typeof MAINS;

export type RunningPart = {
  name: PartName;
  /** The part's own address (web parts only). */
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
  kill(signal: NodeJS.Signals): Promise<number | NodeJS.Signals | null>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The settings every part is started with in these tests; `env` adds to them. */
/** The key the back offices started here seal second-factor secrets with. */
export const PART_SECOND_FACTOR_KEY = new Uint8Array(32).fill(5);

export function partEnv(databaseUrl: string, dataDir: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    // Not demo mode: what a real deployment must set. Secure cookies follow from https addresses,
    // which plain-http test requests would not send back, so the addresses here are http ones.
    PORTAL_URL: 'http://localhost',
    BACKOFFICE_URL: 'http://localhost',
    TRUSTED_PROXIES: '0',
    HISTORY_KEY: Buffer.alloc(32, 6).toString('base64'),
    SECOND_FACTOR_KEY: Buffer.from(PART_SECOND_FACTOR_KEY).toString('base64'),
    MAIL_TRANSPORT: 'file',
    LOG_LEVEL: 'error',
    COMPLAINT_FORM_RATE_LIMIT: '1000000',
    COMPLAINT_FORM_SEND_LIMIT: '1000000',
    SHUTDOWN_DRAIN_SECONDS: '0',
    ...env,
  };
}

/**
 * Starts one part as production runs it (its own process, the built app), and for the portal and
 * the back office waits until its readiness probe answers.
 */
export async function startPart(name: PartName, env: Record<string, string>): Promise<RunningPart> {
  const port = name === 'portal' ? env.PORTAL_PORT : name === 'backoffice' ? env.BACKOFFICE_PORT : undefined;
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', MAINS[name]], { cwd: root, env: { NODE_ENV: 'development', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const url = port ? `http://localhost:${port}` : '';
  const part: RunningPart = {
    name,
    url,
    child,
    output: () => output,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The ${name} stopped while starting:\n${output}`);
    if (!port) {
      if (output.includes('Worker: running')) return part;
    } else {
      try {
        if ((await fetch(`${url}/readyz`)).ok) return part;
      } catch {
        // not listening yet
      }
    }
    if (Date.now() > deadline) {
      await part.kill('SIGKILL');
      throw new Error(`The ${name} did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `npm run db:migrate` as its own process, as a deployment runs it before its parts; resolves with what it wrote, or rejects with it. */
export async function runMigrateStep(databaseUrl: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  if (code !== 0) throw new Error(`npm run db:migrate failed:\n${output}`);
  return output;
}

/** The address of the same database as another role (the test servers trust every local connection). */
export function databaseUrlAs(databaseUrl: string, role: string): string {
  const u = new URL(databaseUrl);
  u.username = role;
  return u.toString();
}

const formCookie = createCookie('complaint_form', { path: '/complain' });

export type SendOutcome = 'confirmed' | 'cut off' | `status ${number}`;

/** The final "Send complaint" of the adult form, as the browser holding the draft sends it. */
export async function postComplaint(portalUrl: string, draft: { token: string; formKey: string }): Promise<Response> {
  const cookie = (await formCookie.serialize(draft.token)).split(';')[0]!;
  return fetch(`${portalUrl}/complain/check`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, Origin: portalUrl },
    body: new URLSearchParams({ formKey: draft.formKey }).toString(),
    signal: AbortSignal.timeout(20_000),
  });
}

/** The same, reduced to what came of it: the confirmation, another answer, or none (cut off). */
export async function sendComplaint(portalUrl: string, draft: { token: string; formKey: string }): Promise<SendOutcome> {
  try {
    const response = await postComplaint(portalUrl, draft);
    await response.arrayBuffer();
    if (response.status === 303 && response.headers.get('location') === '/complain/confirmation') return 'confirmed';
    return `status ${response.status}`;
  } catch {
    return 'cut off';
  }
}
