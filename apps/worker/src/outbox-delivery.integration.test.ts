import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countOutbox, enqueueOutboxMessages, queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { createSmtpTransport } from '@complaints/notifications';
import { startSmtpSink } from '@complaints/notifications/testing';
import { deliverDueEmails } from '@complaints/services';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';

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

  // Separate processes need a database server: the embedded database belongs to one process.
  if (kind === 'postgres') it('loses nothing when the worker process is killed part-way through', async () => {
    const db = database().db;
    const url = database().url!;
    const slowFolder = mkdtempSync(path.join(tmpdir(), 'outbox-kill-'));
    const slow = await startSmtpSink(slowFolder, { delayMs: 40 });
    const total = 60;
    await enqueueOutboxMessages(db, Array.from({ length: total }, (_, i) => message('kill', i)));
    const startWorker = (): ChildProcess =>
      spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: url,
          MAIL_TRANSPORT: 'smtp',
          SMTP_URL: `smtp://127.0.0.1:${slow.port}`,
          SEED_DEMO_DATA: 'false',
          LOG_LEVEL: 'error',
          // A short lease, so the messages the dead worker held come back within the test.
          OUTBOX_LEASE_SECONDS: '3',
        },
        stdio: 'ignore',
      });
    const delivered = () => new Set(subjectsIn(slowFolder).filter((s) => s.startsWith('kill '))).size;
    try {
      const first = startWorker();
      const deadline = Date.now() + 60_000;
      while (delivered() < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      const afterKill = delivered();
      expect(afterKill).toBeGreaterThan(0);
      expect(afterKill).toBeLessThan(total);

      const second = startWorker();
      const end = Date.now() + 240_000;
      while ((await countOutbox(db)).pending > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 250));
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
      // Every message arrived at least once; the ones in flight when it died may have come twice.
      expect(delivered()).toBe(total);
      expect((await countOutbox(db)).pending).toBe(0);
    } finally {
      await slow.close();
      rmSync(slowFolder, { recursive: true, force: true });
    }
  }, 300_000);
});
