import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import type { AppLoadContext, ServerBuild } from '@remix-run/node';
import compression from 'compression';
import expressStaticGzip from 'express-static-gzip';
import express, { type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger, TrustedProxies } from '@complaints/config';
import { useClientAddress } from './client-address';
import { sharedPages, type SharedPagesOptions } from './shared-pages';

export type RequestFacts = {
  cspNonce: string;
  requestId: string;
  /**
   * The visitor's address as rate limits count it (an IPv6 address reduced to its /64; see
   * client-address.ts), read through the trusted proxies only; never logged.
   */
  clientIp: string;
  /**
   * Logs an error a route threw, with the request's id (Remix's `handleError` calls it): through
   * the logger, so a database error is written as its code alone (`loggableError`).
   */
  logError: (error: unknown) => void;
};

export type WebAppOptions = {
  name: string;
  /** The app's folder: it holds vite.config.ts and, once built, build/. */
  appRoot: string;
  mode: 'production' | 'development';
  logger: Logger;
  /** Wires the app's services into Remix's load context, once per request. */
  getLoadContext: (facts: RequestFacts, req: Request) => AppLoadContext;
  /** Whether the app can serve: for the readiness probe. */
  readiness: () => Promise<boolean>;
  /** Secure cookies and HSTS: on when the app's public address is https. */
  secure: boolean;
  /** Whose X-Forwarded-For to believe: a number of hops, or addresses and CIDR ranges (TRUSTED_PROXIES). */
  trustedProxies: TrustedProxies;
  /** The origins that may POST to the app (its own public address). Same-host requests always may. */
  trustedOrigins?: string[];
  /** Extra sources for images, e.g. "data:" for QR codes. */
  imageSources?: string[];
  /**
   * Whether the app's own pages may frame its documents (the back office shows a letter's PDF
   * beside its preview). No other site may ever frame them.
   */
  framesItsOwnDocuments?: boolean;
  /**
   * Plain Express handlers mounted ahead of Remix, behind the same security headers: for the few
   * responses that render nothing (a cached PDF), where Remix's per-request work is the cost.
   */
  routes?: (app: express.Express) => void;
  /** Pages the same for every visitor without a cookie, served from memory once rendered (shared-pages.ts). */
  sharedPages?: SharedPagesOptions;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The HTTP shell shared by the portal and the back office: security headers with a per-request CSP
 * nonce, an origin check on every state-changing request, compression, static files, health and
 * readiness probes, request ids and logs, and the Remix handler.
 */
export async function createWebApp(options: WebAppOptions): Promise<express.Express> {
  const app = express();
  app.disable('x-powered-by');
  useClientAddress(app, options.trustedProxies);

  app.use((req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    res.locals.requestId = randomUUID();
    res.setHeader('X-Request-Id', res.locals.requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // The path only: query strings may carry what someone typed.
      options.logger.info(
        { requestId: res.locals.requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        'request',
      );
    });
    next();
  });

  const development = options.mode === 'development';
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          styleSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          imgSrc: ["'self'", ...(options.imageSources ?? [])],
          fontSrc: ["'self'"],
          connectSrc: development ? ["'self'", 'ws:'] : ["'self'"],
          formAction: ["'self'"],
          frameAncestors: options.framesItsOwnDocuments ? ["'self'"] : ["'none'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
          ...(options.secure ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'same-origin' },
      strictTransportSecurity: options.secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    }),
  );
  app.use(compression());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await options.readiness().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });

  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (isSameOrigin(req, options.trustedOrigins ?? [])) return next();
    options.logger.warn({ requestId: res.locals.requestId, path: req.path }, 'cross-origin request refused');
    res.status(403).type('text/plain').send('This form was sent from another website, so it was refused. Go back and try again.');
  });

  options.routes?.(app);
  if (options.sharedPages && !development) app.use(sharedPages(options.sharedPages, (res) => res.locals.cspNonce as string));

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (development) {
    const vite = await import('vite');
    const server = await vite.createServer({ root: options.appRoot, configFile: path.join(options.appRoot, 'vite.config.ts'), server: { middlewareMode: true } });
    app.use(server.middlewares);
    build = () => server.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
  } else {
    const client = path.join(options.appRoot, 'build', 'client');
    // Hashed scripts and styles, sent as the build compressed them (Brotli or gzip, whichever the
    // browser takes), so the compression below leaves them be.
    app.use(
      '/assets',
      expressStaticGzip(path.join(client, 'assets'), { enableBrotli: true, orderPreference: ['br', 'gz'], index: false, serveStatic: { immutable: true, maxAge: '1y', index: false } }),
    );
    // Other public files (a favicon, say) are served only at the names the build holds, so a page
    // request is not first looked for on disk.
    const publicNames = new Set(readdirSync(client).filter((name) => name !== 'assets'));
    if (publicNames.size > 0) {
      const files = express.static(client, { maxAge: '1h', index: false });
      app.use((req, res, next) => (publicNames.has(req.path.split('/')[1] ?? '') ? files(req, res, next) : next()));
    }
    build = (await import(pathToFileURL(path.join(options.appRoot, 'build', 'server', 'index.js')).href)) as ServerBuild;
  }

  app.all(
    '*',
    createRequestHandler({
      build,
      mode: options.mode,
      getLoadContext: (req, res) =>
        options.getLoadContext(
          {
            cspNonce: res.locals.cspNonce as string,
            requestId: res.locals.requestId as string,
            clientIp: res.locals.clientIp as string,
            logError: (error) => options.logger.error({ requestId: res.locals.requestId, err: error }, 'request failed'),
          },
          req,
        ),
    }),
  );

  app.use((error: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
    options.logger.error({ requestId: res.locals.requestId, err: error }, 'unhandled error');
    if (res.headersSent) return;
    res.status(500).type('text/html').send(
      '<!doctype html><html lang="en"><head><title>Sorry, there is a problem with the service</title></head><body><h1>Sorry, there is a problem with the service</h1><p>Please try again later. Nothing you have already sent us has been lost.</p></body></html>',
    );
  });

  return app;
}

/**
 * A state-changing request must come from our own pages: the Origin header (or, without one, the
 * Referer) must name this host or a trusted origin. SameSite cookies are the first defence; this is
 * the second.
 */
export function isSameOrigin(req: Pick<Request, 'headers' | 'protocol'>, trustedOrigins: string[]): boolean {
  const source = req.headers.origin ?? req.headers.referer;
  if (!source || source === 'null') return false;
  let origin: string;
  try {
    origin = new URL(source).origin;
  } catch {
    return false;
  }
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true;
  return trustedOrigins.some((o) => {
    try {
      return new URL(o).origin === origin;
    } catch {
      return false;
    }
  });
}
