import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPages } from './shared-pages';

/** An app whose pages say how many times they were rendered and which nonce they were given. */
function appWithPages() {
  const rendered = { count: 0 };
  const app = express();
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    res.setHeader('Content-Security-Policy', `script-src 'nonce-${res.locals.cspNonce}'`);
    next();
  });
  app.use(compression());
  app.use(sharedPages({ paths: ['/', '/about', '/sets-session', '/fails'], sharedCookies: ['lng'] }, (res) => res.locals.cspNonce as string));
  const page = (res: express.Response, extra = '') => {
    rendered.count += 1;
    const nonce = res.locals.cspNonce as string;
    res.type('html');
    // Written in two pieces, as a streamed page is.
    res.write(`<!doctype html><script nonce="${nonce}">`);
    res.end(`window.n = ${rendered.count};</script><p>${extra}</p><script nonce="${nonce}"></script>`);
  };
  app.get('/', (req, res) => {
    if (req.query.lng === 'cy') res.setHeader('Set-Cookie', 'lng=cy; Path=/; HttpOnly');
    page(res, `lang ${req.headers['accept-language'] ?? 'none'} ${String(req.query.lng ?? '')}`);
  });
  app.get('/about', (_req, res) => page(res, 'about'));
  app.get('/elsewhere', (_req, res) => page(res, 'elsewhere'));
  app.get('/sets-session', (_req, res) => {
    res.setHeader('Set-Cookie', 'session=abc; Path=/; HttpOnly');
    page(res, 'session');
  });
  app.get('/fails', (_req, res) => {
    res.status(500);
    page(res, 'failed');
  });
  return { app, rendered };
}

const { app, rendered } = appWithPages();
let base = '';
let server: ReturnType<typeof app.listen>;
beforeAll(async () => {
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const before = rendered.count;
  const response = await fetch(`${base}${path}`, { headers, method });
  const body = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
  return { status: response.status, body, nonce, renderedNow: rendered.count - before, headers: response.headers };
}

describe('pages the same for every visitor', () => {
  it('are rendered once, then served with each response’s own nonce in place of the first one', async () => {
    const first = await get('/about');
    const second = await get('/about');
    expect(first.renderedNow).toBe(1);
    expect(second.renderedNow).toBe(0);
    expect(second.status).toBe(200);
    expect(second.nonce).toBeTruthy();
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.body).toBe(first.body.split(first.nonce!).join(second.nonce!));
    expect(second.body.split(`nonce="${second.nonce}"`)).toHaveLength(3);
    expect(second.headers.get('vary')).toContain('Cookie');
  });

  it('are served compressed to a browser that takes it, from the same copy', async () => {
    await get('/about');
    const compressed = await get('/about', { 'Accept-Encoding': 'gzip' });
    expect(compressed.renderedNow).toBe(0);
    expect(compressed.body).toContain('<p>about</p>');
  });

  it('are kept apart by language asked for and by address', async () => {
    const english = await get('/', { 'Accept-Language': 'en-GB' });
    const welsh = await get('/', { 'Accept-Language': 'cy' });
    const chosen = await get('/?lng=cy');
    expect(welsh.renderedNow).toBe(1);
    expect(welsh.body).toContain('lang cy');
    expect(chosen.renderedNow).toBe(1);
    const englishAgain = await get('/', { 'Accept-Language': 'en-GB' });
    expect(englishAgain.renderedNow).toBe(0);
    expect(englishAgain.body).toBe(english.body.split(english.nonce!).join(englishAgain.nonce!));
    // The language cookie set by ?lng= is the same for everyone asking there, so it is kept with the copy.
    const again = await get('/?lng=cy');
    expect(again.renderedNow).toBe(0);
    expect(again.headers.get('set-cookie')).toBe('lng=cy; Path=/; HttpOnly');
  });

  it('are rendered afresh for a visitor with any cookie', async () => {
    await get('/about');
    const withCookie = await get('/about', { Cookie: 'lng=cy' });
    expect(withCookie.renderedNow).toBe(1);
  });

  it('are never kept when they set any other cookie, fail, or are not named', async () => {
    await get('/sets-session');
    expect((await get('/sets-session')).renderedNow).toBe(1);
    await get('/fails');
    expect((await get('/fails')).renderedNow).toBe(1);
    await get('/elsewhere');
    expect((await get('/elsewhere')).renderedNow).toBe(1);
  });

  it('answer HEAD from a copy without a body', async () => {
    await get('/about');
    const head = await get('/about', {}, 'HEAD');
    expect(head.renderedNow).toBe(0);
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});
