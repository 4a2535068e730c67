import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { countOutbox, enqueueOutboxMessages, queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { createSmtpTransport } from '@complaints/notifications';
import { startSmtpSink } from '@complaints/notifications/testing';
import { deliverDueEmails } from '@complaints/services';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';

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

describeEachDatabase('outbox delivery', (database) => {
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
});
