import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';

/**
 * Pages that are the same for every visitor who has no cookie (the home page, the information
 * pages, the leaflets' web pages) are rendered once and then served from memory, as a cache in
 * front of the service would serve them. Rendering a whole page through Remix and React is most
 * of what such a request costs; a served copy costs a lookup and the nonce written afresh.
 *
 * What is never shared: a request that carries any cookie (it may hold a session, a draft or a
 * language chosen earlier); a response that sets a cookie other than the ones named as the same
 * for everyone (the language chosen by `?lng=`); anything but a 200 HTML page. Each copy is kept
 * under its host, its whole address and the visitor's Accept-Language, for a short while, and the process's
 * memory bounds how many are kept.
 */
export type SharedPagesOptions = {
  /** The paths of pages that never depend on who asks (no session, no database reads). */
  paths: string[];
  /** Cookies a shared page may set that are the same for everyone asking at that address. */
  sharedCookies: string[];
  /** How long a copy is served before the page is rendered again. */
  ttlMs?: number;
  /** How many copies are kept at most. */
  maxEntries?: number;
};

/** A kept page: its body in the pieces around the nonce it was rendered with, so a served copy only joins them. */
type Copy = { status: number; headers: Array<[string, string | string[]]>; pieces: string[]; nonce: string };

/** Headers the shell writes for each response itself, never replayed from a copy. */
const OWN_HEADERS = new Set(['content-security-policy', 'x-request-id', 'content-length', 'content-encoding', 'transfer-encoding', 'connection', 'date', 'etag', 'vary']);

function cookieName(setCookie: string): string {
  return setCookie.slice(0, setCookie.indexOf('=')).trim();
}

/** Whether a response may be kept and served to others: a whole HTML page, setting only shared cookies. */
export function isShareable(status: number, headers: Record<string, string | string[] | number | undefined>, sharedCookies: ReadonlySet<string>): boolean {
  if (status !== 200) return false;
  if (!String(headers['content-type'] ?? '').startsWith('text/html')) return false;
  const cacheControl = String(headers['cache-control'] ?? '');
  if (/no-store|private/i.test(cacheControl)) return false;
  const setCookie = headers['set-cookie'];
  const cookies = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [String(setCookie)];
  return cookies.every((c) => sharedCookies.has(cookieName(c)));
}

/**
 * The middleware. It must run after the security headers (which set this response's nonce) and
 * before Remix. `nonceOf` reads the response's CSP nonce, which a copy's body carries: it is
 * replaced with the new response's own, so every response still has a nonce nobody saw before.
 */
export function sharedPages(options: SharedPagesOptions, nonceOf: (res: Response) => string) {
  const paths = new Set(options.paths);
  const sharedCookies = new Set(options.sharedCookies);
  const copies = new LRUCache<string, Copy>({ max: options.maxEntries ?? 200, ttl: options.ttlMs ?? 5 * 60_000 });

  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.cookie || !paths.has(req.path)) return next();
    const key = `${req.headers.host ?? ''}${req.originalUrl}\n${req.headers['accept-language'] ?? ''}`;
    const nonce = nonceOf(res);
    const copy = copies.get(key);
    if (copy) {
      res.status(copy.status);
      for (const [name, value] of copy.headers) res.setHeader(name, value);
      res.setHeader('Vary', 'Cookie, Accept-Language');
      const body = copy.pieces.join(nonce || copy.nonce);
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    if (req.method === 'HEAD') return next();

    // Keep what Remix writes, as it writes it, then keep the whole page once it is sent.
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
      else chunks.push(Buffer.from(chunk as Uint8Array));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as Response['end'];
    res.setHeader('Vary', 'Cookie, Accept-Language');
    res.once('finish', () => {
      const headers = res.getHeaders();
      if (!isShareable(res.statusCode, headers, sharedCookies)) return;
      const kept: Array<[string, string | string[]]> = [];
      for (const [name, value] of Object.entries(headers)) {
        if (value === undefined || OWN_HEADERS.has(name)) continue;
        kept.push([name, typeof value === 'number' ? String(value) : value]);
      }
      const body = Buffer.concat(chunks).toString('utf8');
      copies.set(key, { status: res.statusCode, headers: kept, pieces: nonce ? body.split(nonce) : [body], nonce });
    });
    next();
  };
}
