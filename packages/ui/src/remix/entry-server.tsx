import { Writable } from 'node:stream';
import { i18nOptions } from '@complaints/i18n';
import { detectLanguage, namespaces, resources } from '@complaints/i18n/server';
import { type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { createInstance } from 'i18next';
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
 *
 * The page is rendered whole and sent in one piece with its length, where Remix's own entry
 * streams it to people (and waits for the whole page only for bots). Neither app defers any data
 * (no loader hands the page a promise to stream in later), so streaming gained nothing, and it
 * cost: React writes in chunks of 2 kB, each was carried through a web stream and written to the
 * socket on its own, and a chunked body needed a write of its own to end it. A page that came to
 * defer data would wait for it here; stream such a page (onShellReady) rather than lose this.
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

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // A page still waiting for something after the delay is cut short (what was still waiting is
    // left to the browser), and then sent; one that has finished cancels it.
    const timer = setTimeout(() => abort(), ABORT_DELAY + 1000);
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={instance}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </I18nextProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          clearTimeout(timer);
          const chunks: Buffer[] = [];
          const body = new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              const html = Buffer.concat(chunks);
              responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
              responseHeaders.set('Content-Length', String(html.length));
              resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
              done();
            },
          });
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
