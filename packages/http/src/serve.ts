import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Express } from 'express';
import type { Logger, Stoppable } from '@complaints/config';

export type CloseOptions = {
  /**
   * How long the readiness probe answers "stopping" while requests are still taken, so that a load
   * balancer sends no new ones here before the port closes. 0 under `npm start`, where nothing
   * balances.
   */
  drainMs?: number;
  /** How long requests already in flight may take to finish before their connections are closed. */
  inFlightMs?: number;
};

export type RunningServer = {
  server: Server;
  url: string;
  /** True from the moment close() is called. */
  readonly stopping: boolean;
  close(options?: CloseOptions): Promise<void>;
};

export const DEFAULT_IN_FLIGHT_MS = 10_000;

/**
 * Listens, and closes in the order a load balancer needs: first the readiness probe fails
 * (`/readyz` answers 503 "stopping") while requests are still served for `drainMs`, each response
 * now telling its client to close the connection; then no new connections are taken, idle ones are
 * closed, and requests in flight may finish for up to `inFlightMs` before whatever is left is cut.
 */
export function serve(app: Express, options: { port: number; host: string; logger: Logger; name: string }): Promise<RunningServer> {
  let stopping = false;
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      if (stopping) {
        // Kept-alive clients open a new connection for their next request, which the balancer
        // sends to an instance that is staying.
        res.setHeader('Connection', 'close');
        if (req.url === '/readyz' || req.url?.startsWith('/readyz?')) {
          res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
          res.end(JSON.stringify({ status: 'stopping' }));
          return;
        }
      }
      // A request that was in flight when closing began leaves its connection idle when it is
      // answered; server.close() closed only the connections idle at that moment, so close this one
      // now rather than wait out the keep-alive time.
      res.once('finish', () => {
        if (stopping) setImmediate(() => server.closeIdleConnections());
      });
      app(req, res);
    });
    server.keepAliveTimeout = 65_000;
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`Port ${options.port} is already in use, so the ${options.name} cannot start. Stop whatever is using it, or choose another port.`));
      } else {
        reject(error);
      }
    });
    server.listen(options.port, options.host, () => {
      const shownHost = options.host === '0.0.0.0' || options.host === '127.0.0.1' ? 'localhost' : options.host;
      const url = `http://${shownHost}:${options.port}`;
      let closing: Promise<void> | null = null;
      resolve({
        server,
        url,
        get stopping() {
          return stopping;
        },
        close: (closeOptions = {}) => {
          closing ??= (async () => {
            stopping = true;
            const drainMs = closeOptions.drainMs ?? 0;
            if (drainMs > 0) {
              options.logger.info({ drainMs }, `${options.name} stopping: readiness now fails`);
              await sleep(drainMs);
            }
            await new Promise<void>((done) => {
              const force = setTimeout(() => {
                options.logger.warn({}, `${options.name} stopping: requests still in flight were cut off`);
                server.closeAllConnections();
              }, closeOptions.inFlightMs ?? DEFAULT_IN_FLIGHT_MS);
              force.unref();
              server.close(() => {
                clearTimeout(force);
                done();
              });
              server.closeIdleConnections();
            });
          })();
          return closing;
        },
      });
    });
  });
}

/**
 * How an app serving on its own stops, for `runUntilStopped`: readiness fails first (for
 * `SHUTDOWN_DRAIN_SECONDS`), then requests in flight finish (within `SHUTDOWN_GRACE_SECONDS`),
 * then what it opened besides (its services and their database) closes.
 */
export function stopServerThen(
  running: RunningServer,
  opened: { close(): Promise<void> },
  env: { SHUTDOWN_DRAIN_SECONDS: number; SHUTDOWN_GRACE_SECONDS: number },
): Stoppable {
  const drainMs = env.SHUTDOWN_DRAIN_SECONDS * 1000;
  const inFlightMs = env.SHUTDOWN_GRACE_SECONDS * 1000;
  return {
    stop: async () => {
      await running.close({ drainMs, inFlightMs });
      await opened.close();
    },
    stopWithinMs: drainMs + inFlightMs + 5_000,
  };
}
