import type { AppLoadContext } from '@remix-run/node';

/**
 * Calling a route's loader or action in a test as Remix would, and reading what it answered,
 * thrown or returned. `cookie` is the name=value a browser would send back from the first
 * Set-Cookie; `setCookies` are the headers as sent.
 */
export type RouteOutcome<P> = { status: number; location?: string; cookie?: string; setCookies: string[]; page?: P; response?: Response };
export type RouteFunction = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown;

function outcomeOfResponse<P>(response: Response): RouteOutcome<P> {
  const location = response.headers.get('Location') ?? undefined;
  const setCookies = response.headers.getSetCookie();
  const cookie = setCookies[0]?.split(';')[0];
  return { status: response.status, response, setCookies, ...(location ? { location } : {}), ...(cookie ? { cookie } : {}) };
}

function headerList(headers: HeadersInit | undefined, name: string): string[] {
  if (!headers) return [];
  if (headers instanceof Headers) return name.toLowerCase() === 'set-cookie' ? headers.getSetCookie() : [headers.get(name) ?? ''].filter(Boolean);
  const record = headers as Record<string, string>;
  const value = record[name] ?? record[name.toLowerCase()];
  return value === undefined ? [] : [value];
}

export async function callRoute<P>(fn: RouteFunction | undefined, args: { request: Request; params?: Record<string, string>; context: AppLoadContext }): Promise<RouteOutcome<P>> {
  if (!fn) throw new Error('No such route function.');
  try {
    const result = await fn({ params: {}, ...args });
    if (result instanceof Response) return outcomeOfResponse(result);
    const answered = result as { type?: string; data?: P; init?: { status?: number; headers?: HeadersInit } | null };
    if (answered?.type === 'DataWithResponseInit') {
      const setCookies = headerList(answered.init?.headers, 'Set-Cookie');
      const cookie = setCookies[0]?.split(';')[0];
      return { status: answered.init?.status ?? 200, page: answered.data!, setCookies, ...(cookie ? { cookie } : {}) };
    }
    throw new Error(`Unexpected answer: ${JSON.stringify(result)}`);
  } catch (thrown) {
    if (thrown instanceof Response) return outcomeOfResponse(thrown);
    throw thrown;
  }
}
