import { createLogger, readEnvironment, runUntilStopped } from '@complaints/config';
import { openRuntime, shouldSeedDemoData } from '@complaints/services/runtime';
import { startWorker } from './worker';

/** The worker on its own; run as many as you like against PostgreSQL. */
await runUntilStopped(async () => {
  const env = readEnvironment();
  const logger = createLogger('worker', env.LOG_LEVEL);
  const runtime = await openRuntime(env, { seedDemoData: shouldSeedDemoData(env) });
  const worker = await startWorker({ database: runtime.database, env, logger, clock: runtime.clock });
  process.stdout.write('Worker: running\n');
  return {
    stop: async () => {
      await worker.stop();
      await runtime.close();
    },
  };
});
