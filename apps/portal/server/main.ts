import { readEnvironment, runUntilStopped, useLibraryProductionBuilds } from '@complaints/config';

/** The portal on its own, e.g. one of many instances behind a load balancer. */
await runUntilStopped(async () => {
  const env = readEnvironment();
  useLibraryProductionBuilds();
  // Loaded only now, so that React and Remix load their production builds.
  const { createLogger, serve, stopServerThen } = await import('@complaints/http');
  const { openRuntime } = await import('@complaints/services/runtime');
  const { createPortalApp } = await import('./app');
  const logger = createLogger('portal', env.LOG_LEVEL);
  const runtime = await openRuntime(env, { signsInStaff: false });
  const app = await createPortalApp({ services: runtime.services, env, logger, mode: 'production' });
  const running = await serve(app, { port: env.PORTAL_PORT, host: env.HOST, logger, name: 'portal' });
  process.stdout.write(`Portal: ${running.url}\n`);
  return stopServerThen(running, runtime, env);
});
