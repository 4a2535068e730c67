import { readEnvironment, runUntilStopped } from '@complaints/config';
import { createLogger, serve } from '@complaints/http';
import { openRuntime, shouldSeedDemoData } from '@complaints/services/runtime';
import { createBackofficeApp } from './app';

/** The back office on its own, e.g. one of many instances behind a load balancer. */
await runUntilStopped(async () => {
  const env = readEnvironment();
  const logger = createLogger('backoffice', env.LOG_LEVEL);
  const runtime = await openRuntime(env, { seedDemoData: shouldSeedDemoData(env) });
  const app = await createBackofficeApp({ services: runtime.services, env, logger, mode: 'production' });
  const running = await serve(app, { port: env.BACKOFFICE_PORT, host: env.HOST, logger, name: 'backoffice' });
  process.stdout.write(`Back office: ${running.url}\n`);
  return {
    stop: async () => {
      await running.close();
      await runtime.close();
    },
  };
});
