import { readEnvironment, runUntilStopped, useLibraryProductionBuilds } from '@complaints/config';

/** The back office on its own, e.g. one of many instances behind a load balancer. */
await runUntilStopped(async () => {
  const env = readEnvironment();
  useLibraryProductionBuilds();
  // Loaded only now, so that React and Remix load their production builds.
  const { createLogger, serve, stopServerThen } = await import('@complaints/http');
  const { openRuntime } = await import('@complaints/services/runtime');
  const { createBackofficeApp } = await import('./app');
  const logger = createLogger('backoffice', env.LOG_LEVEL);
  const runtime = await openRuntime(env);
  const app = await createBackofficeApp({ services: runtime.services, env, logger, mode: 'production' });
  const running = await serve(app, { port: env.BACKOFFICE_PORT, host: env.HOST, logger, name: 'backoffice' });
  process.stdout.write(`Back office: ${running.url}\n`);
  return stopServerThen(running, runtime, env);
});
