import type { AppLoadContext } from '@remix-run/node';
import { createCookie } from '@remix-run/node';
import { formSettings } from '../complaint-form/form-settings.server';

/**
 * The tracking cookies: the challenge (between the reference and the code) and the session (after
 * the code). Random tokens whose hashes the database keeps; HttpOnly, SameSite=Lax, scoped to
 * /track and with no expiry, so they end when the browser closes (the database ends them sooner:
 * ten minutes for a code, thirty idle minutes for a session).
 */
export const TRACKING_COOKIES = { challenge: 'track_challenge', session: 'track_session' } as const;
export const TRACKING_PATH = '/track';

function cookie(name: string, secure: boolean) {
  return createCookie(name, { path: TRACKING_PATH, httpOnly: true, sameSite: 'lax', secure });
}

async function read(request: Request, name: string): Promise<string | null> {
  try {
    const value: unknown = await cookie(name, false).parse(request.headers.get('Cookie'));
    return typeof value === 'string' && value.length > 0 ? value : null;
  } catch {
    return null;
  }
}

export const challengeToken = (request: Request) => read(request, TRACKING_COOKIES.challenge);
export const sessionToken = (request: Request) => read(request, TRACKING_COOKIES.session);

function secureOf(context: Pick<AppLoadContext, 'complaintForm'>): boolean {
  return formSettings(context).secureCookies;
}

export function setCookie(context: Pick<AppLoadContext, 'complaintForm'>, name: keyof typeof TRACKING_COOKIES, token: string): Promise<string> {
  return cookie(TRACKING_COOKIES[name], secureOf(context)).serialize(token);
}

export function clearCookie(context: Pick<AppLoadContext, 'complaintForm'>, name: keyof typeof TRACKING_COOKIES): Promise<string> {
  return cookie(TRACKING_COOKIES[name], secureOf(context)).serialize('', { maxAge: 0 });
}
