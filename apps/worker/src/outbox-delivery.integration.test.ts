import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countOutbox, enqueueOutboxMessages, queryRows } from '@complaints/db';
import { describeEachDatabase, testDatabaseKinds } from '@complaints/db/testing';
import { createSmtpTransport } from '@complaints/notifications';
import { startSmtpSink } from '@complaints/notifications/testing';
import { deliverDueEmails } from '@complaints/services';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FROM = 'Complaints <complaints@example.org>';

function subjectsIn(folder: string): string[] {
  return readdirSync(folder).map((f) => /^Subject: (.*)$/m.exec(readFileSync(path.join(folder, f), 'utf8'))?.[1] ?? '');
}

function message(batch: string, i: number) {
  return {
    channel: 'email' as const,
    template: 'test.message',
    recipient: `person${i}@example.com`,
    language: 'en' as const,
    payload: { subject: `${batch} ${i}`, text: `Message ${i}` },
  };
}

describeEachDatabase('outbox delivery', (database, kind) => {
  let folder: string;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'outbox-'));
    sink = await startSmtpSink(folder);
  });
  afterAll(async () => {
    await sink.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('sends each due message by real SMTP and records it as sent', async () => {
    const db = database().db;
    await enqueueOutboxMessages(db, Array.from({ length: 5 }, (_, i) => message('first', i)));
    // A moment ahead: the rows carry the database's clock, finer than Node's.
    const clock = { now: () => new Date(Date.now() + 1000) };
    const result = await deliverDueEmails({ db, clock, transport: createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, FROM) });
    expect(result).toEqual({ sent: 5, retrying: 0, failed: 0 });
    expect(subjectsIn(folder).filter((s) => s.startsWith('first')).sort()).toEqual(['first 0', 'first 1', 'first 2', 'first 3', 'first 4']);
    expect((await countOutbox(db)).pending).toBe(0);
  });

  it('retries with backoff when the mail server is down, then delivers', async () => {
    const db = database().db;
    await enqueueOutboxMessages(db, [message('retry', 1)]);
    let now = new Date('2030-01-01T09:00:00Z');
    const clock = { now: () => now };
    const down = createSmtpTransport('smtp://127.0.0.1:1', FROM);
    expect(await deliverDueEmails({ db, clock, transport: down, random: () => 0.5 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [row] = await queryRows<{ attempts: number; next: string; error: string }>(
      db,
      sql`select attempts, next_attempt_at::text as next, last_error as error from outbox where payload->>'subject' = 'retry 1'`,
    );
    expect(row!.attempts).toBe(1);
    expect(new Date(row!.next).getTime() - now.getTime()).toBe(30_000);
    expect(row!.error).toMatch(/ECONNREFUSED|connect/i);
    // Not yet due: nothing happens.
    const up = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, FROM);
    expect(await deliverDueEmails({ db, clock, transport: up })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    now = new Date(now.getTime() + 31_000);
    expect(await deliverDueEmails({ db, clock, transport: up })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(subjectsIn(folder)).toContain('retry 1');
  });

  it('sends a message again if the sender died after sending but before recording it', async () => {
    const db = database().db;
    await enqueueOutboxMessages(db, [message('lease', 1)]);
    let now = new Date('2031-01-01T09:00:00Z');
    const clock = { now: () => now };
    // A sender claims the message and dies: the claim's lease is held but nothing is recorded.
    const { claimDueEmails } = await import('@complaints/db');
    const claimed = await claimDueEmails(db, { now, leaseUntil: new Date(now.getTime() + 120_000), limit: 10 });
    expect(claimed.map((m) => (m.payload as { subject: string }).subject)).toContain('lease 1');
    const up = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, FROM);
    // While the lease holds, no one else takes it.
    expect((await deliverDueEmails({ db, clock, transport: up })).sent).toBe(0);
    now = new Date(now.getTime() + 121_000);
    expect((await deliverDueEmails({ db, clock, transport: up })).sent).toBe(1);
    expect(subjectsIn(folder)).toContain('lease 1');
  });

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
  if (kind === 'postgres') it('loses nothing when a worker is killed between sending a message and recording it', async () => {
    const db = database().db;
    const url = database().url!;
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
          ...process.env,
          DATABASE_URL: url,
          DATA_DIR: dataFolder,
          MAIL_TRANSPORT: 'smtp',
          SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
          PORTAL_URL: 'https://complaints.example.org',
          BACKOFFICE_URL: 'https://staff.complaints.example.org',
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
      await enqueueOutboxMessages(db, subjects.map((_, i) => message('fault', i)));

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
      rmSync(faultFolder, { recursive: true, force: true });
      rmSync(dataFolder, { recursive: true, force: true });
    }
  }, 120_000);
});

// Continuous integration (.ci/run) always gives the tests a PostgreSQL database, so the worker is
// killed for real there; a run there without one is a broken set-up, not a pass.
if (process.env.CI && !testDatabaseKinds().includes('postgres')) {
  describe('outbox delivery in continuous integration', () => {
    it('has PostgreSQL to kill a worker against', () => {
      throw new Error('Set DATABASE_URL: the test that kills a worker part-way through delivery needs PostgreSQL.');
    });
  });
}
