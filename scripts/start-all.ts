import { StartupError, createLogger, readEnvironment, runUntilStopped, useLibraryProductionBuilds } from '@complaints/config';

/**
 * The whole system in one process: portal, back office and worker. This is how `npm start` runs on
 * the embedded database, which only one process may open; with DATABASE_URL it works the same,
 * and each part can also run on its own (see the README).
 */
await runUntilStopped(async () => {
  const env = readEnvironment();
  // `--dev=portal` or `--dev=backoffice` serves that app from Vite's dev server with hot reload and
  // the other from its build: @remix-run/dev keeps its route table in module state, so two Vite
  // dev servers in one process overwrite each other's routes.
  const devFlag = process.argv.find((a) => a.startsWith('--dev'));
  const devApp = devFlag ? (devFlag.split('=')[1] ?? 'portal') : null;
  if (devApp !== null && devApp !== 'portal' && devApp !== 'backoffice') {
    throw new StartupError(`--dev takes portal or backoffice, not "${devApp}".`);
  }
  const modeOf = (app: 'portal' | 'backoffice') => (devApp === app ? 'development' : 'production');
  if (devApp === null) useLibraryProductionBuilds();
  // Loaded only now, so that React and Remix load the builds chosen above.
  const { DEMO_PASSWORD, listDemoAccounts, listDemoComplaintsToFollow } = await import('@complaints/db');
  const { serve } = await import('@complaints/http');
  const { createBackofficeApp } = await import('@complaints/backoffice');
  const { createPortalApp } = await import('@complaints/portal');
  const { openRuntime } = await import('@complaints/services/runtime');
  const { startWorker } = await import('@complaints/worker');
  const logger = createLogger('complaints', env.LOG_LEVEL);
  const runtime = await openRuntime(env);
  const stops: Array<() => Promise<void>> = [() => runtime.close()];
  try {
    const worker = await startWorker({ database: runtime.database, env, logger: logger.child({ part: 'worker' }), clock: runtime.clock });
    stops.unshift(() => worker.stop());
    const portal = await serve(await createPortalApp({ services: runtime.services, env, logger: logger.child({ part: 'portal' }), mode: modeOf('portal') }), {
      port: env.PORTAL_PORT,
      host: env.HOST,
      logger,
      name: 'portal',
    });
    stops.unshift(() => portal.close());
    const backoffice = await serve(
      await createBackofficeApp({ services: runtime.services, env, logger: logger.child({ part: 'backoffice' }), mode: modeOf('backoffice') }),
      { port: env.BACKOFFICE_PORT, host: env.HOST, logger, name: 'back office' },
    );
    stops.unshift(() => backoffice.close());

    const lines = [
      '',
      `Database:    ${runtime.database.description}${runtime.seeded ? ` (demo data added: ${runtime.seeded.complaints} complaints)` : ''}`,
      `Portal:      ${portal.url}`,
      `Back office: ${backoffice.url}`,
    ];
    if (env.DEMO) {
      const accounts = await listDemoAccounts(runtime.database.db);
      if (accounts.length > 0) {
        lines.push('', `Demo staff sign-ins (password for all: ${DEMO_PASSWORD}; the second-factor code for any of them: npm run demo:code -- <email>):`);
        for (const a of accounts) {
          lines.push(`  ${a.role.padEnd(22)} ${a.email.padEnd(34)} ${a.fullName}${a.secondFactor ? '' : '  [sets up a second factor at sign-in]'}`);
        }
        const toFollow = await listDemoComplaintsToFollow(runtime.database.db);
        if (toFollow.length > 0) {
          lines.push('', `Demo complaints to follow at ${portal.url}/track (the code is emailed to the address shown; by post, print the letter in the back office for its code):`);
          for (const c of toFollow) lines.push(`  ${c.reference}  ${c.state.padEnd(13)} ${(c.email ? `email ${c.email}` : 'post').padEnd(40)} ${backoffice.url}/complaints/${c.id}`);
        }
      }
    }
    lines.push('', 'Press Ctrl+C to stop.', '');
    process.stdout.write(lines.join('\n'));
  } catch (error) {
    for (const stop of stops) await stop().catch(() => {});
    throw error;
  }
  return {
    stop: async () => {
      for (const stop of stops) await stop();
    },
  };
});
