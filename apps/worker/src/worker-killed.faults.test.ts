import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { enqueueOutboxMessages, migrateDatabase, openPostgres, queryRows } from '@complaints/db';
import { type OwnPostgres, startOwnPostgres } from '@complaints/db/testing/own-postgres';
import { startSmtpSink } from '@complaints/notifications/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function subjectsIn(folder: string): string[] {
  return readdirSync(folder).map((f) => /^Subject: (.*)$/m.exec(readFileSync(path.join(folder, f), 'utf8'))?.[1] ?? '');
}

function message(i: number) {
  return {
    channel: 'email' as const,
    template: 'test.message',
    recipient: `person${i}@example.com`,
    language: 'en' as const,
    payload: { subject: `fault ${i}`, text: `Message ${i}` },
  };
}

let server: OwnPostgres;
beforeAll(async () => {
  server = await startOwnPostgres();
});
afterAll(() => server?.destroy());

/*
 * A worker killed (SIGKILL, no chance to tidy up) at the one point delivery cannot make safe: the
 * mail server has the message and the worker has not recorded it as sent. SMTP has no
 * idempotency key, so the next worker cannot ask the server whether it already took that message
 * and sends it again: the message in flight at each kill arrives twice, every other message once,
 * and none is lost. To kill at exactly that point, the SMTP server holds its answer to the end of
 * a message's DATA (after storing it, as a mail server commits before it says 250) until the
 * worker is dead. Separate processes need a database server: the embedded database belongs to
 * one process.
 */
it('loses nothing when a worker is killed between sending a message and recording it', async () => {
  const url = await server.createDatabase('worker_killed');
  const handle = await openPostgres(url, { max: 2 });
  await migrateDatabase(handle);
  const db = handle.db;
  const faultFolder = mkdtempSync(path.join(tmpdir(), 'outbox-fault-'));
  const dataFolder = mkdtempSync(path.join(tmpdir(), 'outbox-fault-data-'));
  const total = 12;
  const subjects = Array.from({ length: total }, (_, i) => `fault ${i}`);

  // The sink holds its answer to the message it is told to hold, and says which one that was.
  let holdAt: number | null = null;
  const received: string[] = [];
  let reachedHold: ((subject: string) => void) | null = null;
  const releases: Array<() => void> = [];
  const sink = await startSmtpSink(faultFolder, {
    onMessage: ({ subject }) => {
      if (!subject.startsWith('fault ')) return;
      received.push(subject);
      if (received.length !== holdAt) return;
      reachedHold?.(subject);
      return new Promise<void>((resolve) => releases.push(resolve));
    },
  });
  const holdMessage = (nth: number) =>
    new Promise<string>((resolve) => {
      holdAt = received.length + nth;
      reachedHold = resolve;
    });

  const workers: Array<{ child: ChildProcess; output: string[] }> = [];
  const startWorker = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        DATABASE_URL: url,
        DATA_DIR: dataFolder,
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        PORTAL_URL: 'https://complaints.example.org',
        BACKOFFICE_URL: 'https://staff.complaints.example.org',
        HISTORY_KEY: Buffer.alloc(32, 6).toString('base64'),
        LOG_LEVEL: 'error',
        // A short lease, so the messages a dead worker held come back within the test.
        OUTBOX_LEASE_SECONDS: '2',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const worker = { child, output: [] as string[] };
    child.stderr!.on('data', (chunk: Buffer) => worker.output.push(chunk.toString('utf8')));
    workers.push(worker);
    return worker;
  };
  const within = async <T>(what: string, promise: Promise<T>, ms = 45_000): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms. Worker output: ${workers.map((w) => w.output.join('')).join(' | ')}`)), ms);
    });
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  const killAt = async (worker: { child: ChildProcess }, sentBefore: string[], subject: string) => {
    const exited = new Promise<NodeJS.Signals | null>((resolve) => worker.child.once('exit', (_code, signal) => resolve(signal)));
    worker.child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // Only now may the held answer go, into a connection nobody is reading.
    releases.splice(0).forEach((release) => release());
    // The fault point: the message the worker was sending is with the server but not recorded as
    // sent; what it sent before is recorded, and nothing is recorded that the server has not got.
    const rows = await queryRows<{ subject: string; status: string }>(
      db,
      sql`select payload->>'subject' as subject, status from outbox where payload->>'subject' like 'fault %'`,
    );
    const status = new Map(rows.map((r) => [r.subject, r.status]));
    expect(subjectsIn(faultFolder)).toContain(subject);
    expect(status.get(subject)).toBe('pending');
    for (const s of sentBefore) expect(status.get(s), s).toBe('sent');
    const delivered = new Set(subjectsIn(faultFolder));
    for (const row of rows) if (row.status === 'sent') expect(delivered.has(row.subject), row.subject).toBe(true);
  };
  const pendingFaults = async () =>
    (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from outbox where status = 'pending' and payload->>'subject' like 'fault %'`))[0]!.n;

  const held: string[] = [];
  try {
    await enqueueOutboxMessages(db, subjects.map((_, i) => message(i)));

    // The first worker sends three messages and is killed sending its fourth.
    const first = startWorker();
    const firstHeld = await within('the first worker reaching its fourth message', holdMessage(4));
    held.push(firstHeld);
    await killAt(first, received.slice(0, 3), firstHeld);

    // Once its lease has run out, a second worker takes over the rest, and is killed the same way
    // on its third message (which may be the one the first worker died on).
    const second = startWorker();
    const secondHeld = await within('the second worker reaching its third message', holdMessage(3));
    held.push(secondHeld);
    await killAt(second, received.slice(4, 6), secondHeld);

    // A third finishes the work.
    const third = startWorker();
    await within(
      'the third worker emptying the outbox',
      (async () => {
        while ((await pendingFaults()) > 0) await new Promise((r) => setTimeout(r, 200));
      })(),
    );
    const stopped = new Promise<number | null>((resolve) => third.child.once('exit', (code) => resolve(code)));
    third.child.kill('SIGTERM');
    expect(await stopped).toBe(0);

    // Every message arrived; only the ones in flight at a kill arrived again, once for each kill.
    const copies = new Map<string, number>();
    for (const s of subjectsIn(faultFolder).filter((s) => s.startsWith('fault '))) copies.set(s, (copies.get(s) ?? 0) + 1);
    expect([...copies.keys()].sort()).toEqual([...subjects].sort());
    for (const s of subjects) expect(copies.get(s), s).toBe(1 + held.filter((h) => h === s).length);
    const rows = await queryRows<{ status: string; n: number }>(
      db,
      sql`select status, count(*)::int as n from outbox where payload->>'subject' like 'fault %' group by status`,
    );
    expect(rows).toEqual([{ status: 'sent', n: total }]);
  } finally {
    for (const { child } of workers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    releases.splice(0).forEach((release) => release());
    await sink.close();
    await handle.close();
    rmSync(faultFolder, { recursive: true, force: true });
    rmSync(dataFolder, { recursive: true, force: true });
  }
}, 120_000);
