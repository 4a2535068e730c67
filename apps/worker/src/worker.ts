import type { Environment, Logger } from '@complaints/config';
import type { DatabaseHandle } from '@complaints/db';
import type { Clock } from '@complaints/domain';
import { emailTransportFor, type EmailTransport } from '@complaints/notifications';
import { deliverDueEmails, removeExpiredRecords } from '@complaints/services';
import { attachmentStorageFor } from '@complaints/storage';
import PgBoss from 'pg-boss';

export type RunningWorker = { stop(): Promise<void>; deliverNow(): Promise<void> };

/** pg-boss talks to the embedded database through PGlite directly (one process owns it). */
function pgliteAdapter(database: DatabaseHandle) {
  const pglite = database.pglite!;
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return pglite.query(text, values);
      // Parameterless text may hold several statements (pg-boss's own migrations).
      const results = await pglite.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}

const SCHEDULES = [
  // Every night, clear expired drafts, codes, throttling windows and sessions.
  { name: 'housekeeping', cron: '15 3 * * *' },
] as const;

/**
 * The worker: delivers the outbox (polling every few seconds) and runs scheduled jobs through
 * pg-boss, which hands each job to exactly one worker however many are running.
 */
export async function startWorker(options: {
  database: DatabaseHandle;
  env: Environment;
  logger: Logger;
  clock: Clock;
  transport?: EmailTransport;
  pollIntervalMs?: number;
}): Promise<RunningWorker> {
  const { database, logger, clock } = options;
  const transport = options.transport ?? emailTransportFor(options.env);
  // The same store the portal keeps uploaded files in.
  const attachments = attachmentStorageFor(options.env);
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: pgliteAdapter(database), schema: 'jobs' } as unknown as PgBoss.ConstructorOptions)
      : new PgBoss({ connectionString: database.url!, schema: 'jobs', max: 4 });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();

  for (const { name, cron } of SCHEDULES) {
    await boss.createQueue(name);
    await boss.schedule(name, cron, {}, { tz: 'Europe/London' });
  }
  await boss.work('housekeeping', async () => {
    const removed = await removeExpiredRecords({ db: database.db, clock, storage: attachments });
    logger.info({ removed }, 'housekeeping done');
  });

  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const deliver = async () => {
    try {
      for (;;) {
        const result = await deliverDueEmails({ db: database.db, clock, transport }, { leaseMs: options.env.OUTBOX_LEASE_SECONDS * 1000 });
        if (result.sent + result.retrying + result.failed > 0) logger.info({ ...result }, 'outbox delivery');
        if (result.sent + result.retrying + result.failed < 25 || stopped) break;
      }
    } catch (error) {
      logger.error({ err: error }, 'outbox delivery failed; will retry');
    }
  };
  const interval = options.pollIntervalMs ?? 2000;
  const tick = () => {
    if (stopped) return;
    running = deliver().finally(() => {
      if (!stopped) timer = setTimeout(tick, interval);
    });
  };
  let timer: NodeJS.Timeout = setTimeout(tick, 0);

  return {
    async deliverNow() {
      await running;
      await deliver();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await transport.close?.();
    },
  };
}
