import { createLogger, readEnvironment, runUntilStopped, useLibraryProductionBuilds } from '@complaints/config';

/** The worker on its own; run as many as you like against PostgreSQL. */
await runUntilStopped(async () => {
  const env = readEnvironment();
  useLibraryProductionBuilds();
  // Loaded only now, so that React (for letters' PDFs) loads its production build.
  const { openRuntime } = await import('@complaints/services/runtime');
  const { startWorker } = await import('./worker');
  const logger = createLogger('worker', env.LOG_LEVEL);
  const runtime = await openRuntime(env, { signsInStaff: false });
  const worker = await startWorker({ database: runtime.database, env, logger, clock: runtime.clock });
  process.stdout.write('Worker: running\n');
  return {
    // Stops taking jobs and emails, lets those in hand finish (pg-boss hands back what it cannot
    // finish in time, and an email's lease lapses for another worker), then closes the database.
    stop: async () => {
      await worker.stop();
      await runtime.close();
    },
    stopWithinMs: env.SHUTDOWN_GRACE_SECONDS * 1000 + 5_000,
  };
});
