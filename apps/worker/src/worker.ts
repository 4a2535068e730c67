import { backofficeUrl, type Environment, type Logger, StartupError } from '@complaints/config';
import { type DatabaseHandle, grantJobQueueToWorker, STARTUP_LOCKS, whileHoldingStartupLock } from '@complaints/db';
import type { Clock } from '@complaints/domain';
import { emailTransportFor, type EmailTransport } from '@complaints/notifications';
import { anonymiseExpiredComplaints, checkHistoryChains, deliverDueEmails, removeExpiredRecords, sendDailyWarnings, sendWeeklyReminders } from '@complaints/services';
import { migratesAtStart } from '@complaints/services/runtime';
import { type AttachmentStorage, attachmentStorageFor } from '@complaints/storage';
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

/** What a scheduled job runs with: the service's clock decides what is due, so a test's clock can drive a job. */
export type ScheduledJobContext = {
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  attachments: AttachmentStorage;
  /** The back office's public address, for links in emails. */
  backofficeUrl: string;
};

/*
 * pg-boss fires a schedule only in the minute it names and never makes up a run it missed, so the
 * reminders and warnings are asked for every hour of the working day: the first run sends, and a
 * later one sends only what a missed run (no worker up at 09:00) would have, since every email is
 * queued under a key naming its person and its week or day. The job itself decides, by the
 * service's clock and the working-day calendar, whether anything is due: on a bank holiday or an
 * office closure it does nothing, and the next working day's run sends.
 */
const WORKING_HOURS_ON_WEEKDAYS = '0 9-16 * * 1-5';

export const SCHEDULED_JOBS = {
  // Every night, clear expired drafts, codes, throttling windows and sessions.
  housekeeping: {
    cron: '15 3 * * *',
    async run({ database, clock, attachments, logger }: ScheduledJobContext) {
      const removed = await removeExpiredRecords({ db: database.db, clock, storage: attachments });
      logger.info({ removed }, 'housekeeping done');
      return removed;
    },
  },
  // Every night, check every complaint's history and every audit chain against its signatures and
  // kept head; on a break, national office and the system administrators are emailed.
  'history-check': {
    cron: '45 2 * * *',
    async run({ database, clock, logger, backofficeUrl }: ScheduledJobContext) {
      const result = await checkHistoryChains({ db: database.db, clock }, { backofficeUrl });
      if (result.broken.length > 0) logger.error({ checked: result.checked, broken: result.broken, alerted: result.alerted }, 'history check found changed records');
      else logger.info({ checked: result.checked, adopted: result.adopted }, 'history check done');
      return result;
    },
  },
  // Every night, anonymise the complaints closed or withdrawn longer ago than the retention
  // schedule, each in its own transaction; the log names them by id, with counts, never content.
  retention: {
    cron: '30 3 * * *',
    async run({ database, clock, attachments, logger }: ScheduledJobContext) {
      const run = await anonymiseExpiredComplaints({ db: database.db, clock, storage: attachments });
      const summary = { years: run.years, cutoff: run.cutoff, anonymised: run.anonymised, files: run.files, letters: run.letters, emails: run.emails, reasons: run.reasons };
      if (run.failed.length > 0) logger.error({ ...summary, failed: run.failed }, 'retention could not anonymise some complaints');
      else logger.info(summary, 'retention done');
      return run;
    },
  },
  // Monday (or the week's first working day) from 09:00: each manager's complaints due soon or late.
  'weekly-reminders': {
    cron: WORKING_HOURS_ON_WEEKDAYS,
    async run({ database, clock, logger, backofficeUrl }: ScheduledJobContext) {
      const sweep = await sendWeeklyReminders({ db: database.db, clock }, { backofficeUrl });
      if (sweep.ran) logger.info({ ...sweep }, 'weekly reminders');
      return sweep;
    },
  },
  // Each working day from 09:00: complaints not passed to a manager or not acknowledged in time.
  'daily-warnings': {
    cron: WORKING_HOURS_ON_WEEKDAYS,
    async run({ database, clock, logger, backofficeUrl }: ScheduledJobContext) {
      const sweep = await sendDailyWarnings({ db: database.db, clock }, { backofficeUrl });
      if (sweep.ran) logger.info({ ...sweep }, 'daily warnings');
      return sweep;
    },
  },
} as const;

/** pg-boss's tables live in their own schema, made by pg-boss itself. */
const JOB_QUEUE_SCHEMA = 'jobs';

/**
 * The job queue. With `migrate` false pg-boss makes and changes none of its tables: it checks that
 * they are at its version and stops with an error if not.
 */
function jobQueueOn(database: DatabaseHandle, options: { migrate: boolean; supervise?: boolean; schedule?: boolean }): PgBoss {
  const switches = { migrate: options.migrate, supervise: options.supervise ?? true, schedule: options.schedule ?? true };
  return database.kind === 'pglite'
    ? new PgBoss({ db: pgliteAdapter(database), schema: JOB_QUEUE_SCHEMA, ...switches } as unknown as PgBoss.ConstructorOptions)
    : new PgBoss({ connectionString: database.url!, schema: JOB_QUEUE_SCHEMA, max: 4, ...switches });
}

/** What pg-boss says when, not migrating, it finds its tables missing or older than itself, or cannot see them. */
function isMissingJobQueue(error: unknown): boolean {
  const { message, code } = error as { message?: string; code?: string };
  return code === '42501' || code === '3F000' || /pg-boss is not installed|requires migrations/.test(message ?? '');
}

async function createQueuesAndSchedules(database: DatabaseHandle, boss: PgBoss): Promise<void> {
  // Workers starting together create the queues in turn: pg-boss adds a partition for each, and
  // two doing so at once can deadlock.
  await whileHoldingStartupLock(database, STARTUP_LOCKS.jobQueues, async () => {
    for (const [name, job] of Object.entries(SCHEDULED_JOBS)) {
      await boss.createQueue(name);
      await boss.schedule(name, job.cron, {}, { tz: 'Europe/London' });
    }
  });
}

/**
 * The migrate step's part for the job queue, run as the schema's owner: pg-boss makes or updates
 * its tables, the queues (each a table of its own) and their schedules are made, and then the
 * worker's role is granted the use of them all. pg-boss makes its tables only when it starts, so
 * these grants cannot be in a migration; running it again changes nothing. The portal and the back
 * office use no jobs, so they are granted nothing here.
 */
export async function prepareJobQueue(database: DatabaseHandle): Promise<void> {
  const boss = jobQueueOn(database, { migrate: true, supervise: false, schedule: false });
  await boss.start();
  try {
    await createQueuesAndSchedules(database, boss);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  await grantJobQueueToWorker(database, JOB_QUEUE_SCHEMA);
}

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
  const migrate = migratesAtStart(options.env, database);
  const boss = jobQueueOn(database, { migrate });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  try {
    await boss.start();
  } catch (error) {
    if (!migrate && isMissingJobQueue(error)) {
      throw new StartupError(
        "The job queue's tables are missing or out of date and DATABASE_MIGRATE is false, so the worker will not start: run npm run db:migrate as the database owner first.",
      );
    }
    throw error;
  }

  const context: ScheduledJobContext = { database, clock, logger, attachments, backofficeUrl: backofficeUrl(options.env) };
  // Without migrating, the queues exist already (made by the migrate step): this only checks them
  // and the schedules, which needs no more than the worker's role may do.
  await createQueuesAndSchedules(database, boss);
  for (const [name, job] of Object.entries(SCHEDULED_JOBS)) {
    await boss.work(name, async () => {
      try {
        await job.run(context);
      } catch (error) {
        // pg-boss records the failure and tries again; say so in the log too.
        logger.error({ err: error, job: name }, 'scheduled job failed');
        throw error;
      }
    });
  }

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
      await boss.stop({ graceful: true, wait: true, timeout: options.env.SHUTDOWN_GRACE_SECONDS * 1000 });
      await transport.close?.();
    },
  };
}
