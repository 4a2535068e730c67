/**
 * Signing in to the back office over plain HTTP, as a browser would (form posts with the Origin
 * header, redirects not followed), for tests and benchmarks that drive many routes as many people.
 * Free of any test runner so that both the journeys and the benchmarks can use it.
 */

const SESSION_COOKIE = /^(__Host-)?session=/;

function post(base: string, path: string, form: Record<string, string>, cookie?: string): Promise<Response> {
  const origin = new URL(base).origin;
  return fetch(`${origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(form).toString(),
  });
}

/** The session cookie (name=value) a response set, if it set one. */
export function sessionCookieSetBy(response: Response): string | undefined {
  return response.headers.getSetCookie().find((c) => SESSION_COOKIE.test(c))?.split(';')[0];
}

export interface PasswordStep {
  /** The Cookie header for the half-signed-in session. */
  readonly cookie: string;
  /** True when the account must give its second factor next. */
  readonly needsSecondFactor: boolean;
}

/** Posts the email and password. Throws when the sign-in is refused. */
export async function postPassword(base: string, email: string, password: string): Promise<PasswordStep> {
  const response = await post(base, '/sign-in', { email, password });
  const cookie = sessionCookieSetBy(response);
  if (response.status !== 302 || !cookie) throw new Error(`Could not sign in as ${email} (${response.status}).`);
  return { cookie, needsSecondFactor: response.headers.get('location')?.startsWith('/sign-in/second-factor') ?? false };
}

/**
 * Posts a second-factor code for the half-signed-in session. The session token is replaced once
 * the code is accepted, so this returns the new Cookie header, or undefined when the code was refused.
 */
export async function postSecondFactor(base: string, cookie: string, code: string): Promise<string | undefined> {
  const response = await post(base, '/sign-in/second-factor', { code }, cookie);
  if (response.status !== 302) return undefined;
  return sessionCookieSetBy(response) ?? cookie;
}
