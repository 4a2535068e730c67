import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import { createLogger } from '@complaints/config';
import { describe, expect, it } from 'vitest';
import { serve } from './serve';

const logger = createLogger('test', 'silent');

/** An app whose /slow answers after a while, to stand for a request in flight. */
function appWithSlowRoute(ms: number) {
  const app = express();
  app.get('/readyz', (_req, res) => {
    res.json({ status: 'ready' });
  });
  app.get('/slow', async (_req, res) => {
    await sleep(ms);
    res.send('finished');
  });
  return app;
}

async function freePort(): Promise<number> {
  const probe = await serve(express(), { port: 0, host: '127.0.0.1', logger, name: 'probe' });
  const address = probe.server.address();
  await probe.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('closing a server', () => {
  it('fails readiness first while still serving, lets the request in flight finish, then takes no more', async () => {
    const port = await freePort();
    const running = await serve(appWithSlowRoute(600), { port, host: '127.0.0.1', logger, name: 'test' });
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    const inFlight = fetch(`${base}/slow`).then(async (response) => ({ status: response.status, body: await response.text() }));
    await sleep(100);
    const closed = running.close({ drainMs: 400, inFlightMs: 5_000 });

    const duringDrain = await fetch(`${base}/readyz`);
    expect(duringDrain.status).toBe(503);
    expect(await duringDrain.json()).toEqual({ status: 'stopping' });
    expect(duringDrain.headers.get('connection')).toBe('close');
    expect(running.stopping).toBe(true);

    await closed;
    expect(await inFlight).toEqual({ status: 200, body: 'finished' });
    await expect(fetch(`${base}/readyz`)).rejects.toThrow();
  });

  it('cuts off a request that outlasts the time allowed, and closing twice is one close', async () => {
    const port = await freePort();
    const running = await serve(appWithSlowRoute(10_000), { port, host: '127.0.0.1', logger, name: 'test' });
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then(
      () => 'answered',
      () => 'cut off',
    );
    await sleep(100);
    const started = Date.now();
    await Promise.all([running.close({ inFlightMs: 300 }), running.close({ inFlightMs: 300 })]);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await inFlight).toBe('cut off');
  });
});

describe('a process stopped with SIGTERM', () => {
  it('fails readiness, finishes the request in flight, closes and exits 0 within its time', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'testing', 'serve-until-stopped.ts'), String(port)], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, 'exit');
    for (let i = 0; i < 100 && !output.includes('listening'); i += 1) await sleep(100);
    expect(output).toContain('listening');
    const base = `http://127.0.0.1:${port}`;

    const inFlight = fetch(`${base}/slow`).then((response) => response.text());
    await sleep(100);
    child.kill('SIGTERM');
    await sleep(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect(await inFlight).toBe('finished');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(output).toContain('resources released');
  }, 30_000);
});
