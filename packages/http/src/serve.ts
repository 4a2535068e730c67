import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from '@complaints/config';

export type RunningServer = { server: Server; url: string; close(): Promise<void> };

/**
 * Listens and, on close, stops taking new connections, lets requests in flight finish (up to ten
 * seconds), then closes whatever is left.
 */
export function serve(app: Express, options: { port: number; host: string; logger: Logger; name: string }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = createServer(app);
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
      resolve({
        server,
        url,
        close: () =>
          new Promise<void>((done) => {
            const force = setTimeout(() => server.closeAllConnections(), 10_000);
            force.unref();
            server.close(() => {
              clearTimeout(force);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
