import { Transform, type TransformCallback } from 'node:stream';
import { i18nOptions } from '@complaints/i18n';
import { detectLanguage, namespaces, resources } from '@complaints/i18n/server';
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { createInstance } from 'i18next';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';

const ABORT_DELAY = 10_000;

/**
 * One instance holding every namespace, made once, and one clone of it for each language, made the
 * first time a page is asked for in it; each request renders with its language's clone. A clone
 * shares the loaded words, where a fresh instance per request would set them all up again, which
 * was a tenth of the cost of a page. Rendering only reads an instance (the language is changed
 * only in the browser, by an effect, which never runs here), so requests can share one; making a
 * clone for every request was itself a cost worth saving. There are only the supported languages.
 */
const base = createInstance();
void base.use(initReactI18next).init({ ...i18nOptions, ns: namespaces, resources, initImmediate: false });
const instances = new Map<string, ReturnType<typeof createInstance>>();

function instanceIn(lng: string) {
  let instance = instances.get(lng);
  if (instance === undefined) {
    instance = base.cloneInstance({ lng, initImmediate: false });
    instances.set(lng, instance);
  }
  return instance;
}

/**
 * The page as React writes it, passed on in one piece for each burst of writing rather than in
 * React's own chunks of 2 kB. Each chunk otherwise went separately through the web stream Remix
 * reads the body from and became a write of its own to the socket: twenty-odd for a queue page,
 * which cost more than rendering its table. What React writes in one go (the whole page but the
 * data Remix streams after it) is joined and handed on once the writing stops; the page still
 * streams, so a part written later (deferred data) follows as its own piece. (A PassThrough with
 * a larger buffer would not do this: it hands on every chunk as it was written.)
 */
class JoinedWrites extends Transform {
  private pending: Buffer[] = [];
  private releasing = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending.push(chunk);
    if (!this.releasing) {
      this.releasing = true;
      queueMicrotask(() => this.release());
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.release();
    done();
  }

  private release(): void {
    this.releasing = false;
    // Nothing is handed on once the reader has gone (the browser left mid-page).
    if (this.pending.length === 0 || this.destroyed) return;
    const joined = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.push(joined);
  }
}

type ErrorLogging = { logError?: (error: unknown) => void };

/**
 * Writes an error through the app's logger (the load context's `logError`, from the HTTP shell),
 * which never writes a database error's message: it carries the query's values. Without one,
 * nothing of the error is written.
 */
function logError(context: unknown, error: unknown): void {
  const log = (context as ErrorLogging | undefined)?.logError;
  if (log) log(error);
  else process.stderr.write(`${JSON.stringify({ level: 50, msg: 'request failed' })}\n`);
}

/**
 * Remix's own logging of an error a loader or action threw (in place of its default, which prints
 * the whole error and so a database error's bound values). A request the browser abandoned is
 * not an error.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  logError(context, error);
};

/**
 * Renders a page on the server in the language detected for the request, with the request's CSP
 * nonce on every script Remix writes. Shared by both apps.
 */
export async function renderPage(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
): Promise<Response> {
  const nonce = (loadContext as { cspNonce?: string }).cspNonce ?? '';
  const lng = await detectLanguage(request);
  const instance = instanceIn(lng);
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // A page still streaming after the delay is cut short; one that has finished cancels it.
    const timer = setTimeout(() => abort(), ABORT_DELAY + 1000);
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={instance}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </I18nextProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true;
          const body = new JoinedWrites();
          body.once('close', () => clearTimeout(timer));
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logError(loadContext, error);
        },
      },
    );
  });
}
