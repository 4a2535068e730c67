import { readEnvironment, runUntilStopped } from '@complaints/config';
import { createLogger, serve } from '@complaints/http';
import { openRuntime, shouldSeedDemoData } from '@complaints/services/runtime';
import { createPortalApp } from './app';

/** The portal on its own, e.g. one of many instances behind a load balancer. */
await runUntilStopped(async () => {
  const env = readEnvironment();
  const logger = createLogger('portal', env.LOG_LEVEL);
  const runtime = await openRuntime(env, { seedDemoData: shouldSeedDemoData(env) });
  const app = await createPortalApp({ services: runtime.services, env, logger, mode: 'production' });
  const running = await serve(app, { port: env.PORTAL_PORT, host: env.HOST, logger, name: 'portal' });
  process.stdout.write(`Portal: ${running.url}\n`);
  return {
    stop: async () => {
      await running.close();
      await runtime.close();
    },
  };
});
