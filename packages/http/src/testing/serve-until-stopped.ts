import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import { createLogger, runUntilStopped } from '@complaints/config';
import { serve } from '../serve';

/**
 * A process run as the portal and back office run (runUntilStopped around serve), for the test of
 * what SIGTERM does: its /slow request takes 800 ms, and it drains for 500 ms before closing.
 */
const port = Number(process.argv[2]);
await runUntilStopped(async () => {
  const app = express();
  app.get('/readyz', (_req, res) => {
    res.json({ status: 'ready' });
  });
  app.get('/slow', async (_req, res) => {
    await sleep(800);
    res.send('finished');
  });
  const running = await serve(app, { port, host: '127.0.0.1', logger: createLogger('test', 'silent'), name: 'test' });
  process.stdout.write('listening\n');
  return {
    stop: async () => {
      await running.close({ drainMs: 500, inFlightMs: 5_000 });
      process.stdout.write('resources released\n');
    },
    stopWithinMs: 10_000,
  };
});
