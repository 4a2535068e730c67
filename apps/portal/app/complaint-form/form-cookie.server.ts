import type { FlowId } from '@complaints/domain';
import { type Cookie, createCookie } from '@remix-run/node';

/**
 * The draft cookie of each form: a random token (its SHA-256 is the draft's id), HttpOnly,
 * SameSite=Lax, Secure outside plain-http localhost, scoped to the form's own path. It is a session
 * cookie (no Max-Age or Expires): the device may be shared with the other party in a case, so the
 * browser forgets the draft when it is closed. The draft itself expires on the server as before.
 */
const cookies = new Map<string, Cookie>();

/** The name and path of each form's draft cookie. */
export const DRAFT_COOKIES = {
  adult: { name: 'complaint_form', path: '/complain' },
  child: { name: 'complaint_form_young_people', path: '/complain/young-people' },
} as const satisfies Record<FlowId, { name: string; path: string }>;

function cookieFor(flow: FlowId, secure: boolean): Cookie {
  const key = `${flow}:${secure}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = createCookie(DRAFT_COOKIES[flow].name, {
      path: DRAFT_COOKIES[flow].path,
      httpOnly: true,
      sameSite: 'lax',
      secure,
    });
    cookies.set(key, cookie);
  }
  return cookie;
}

export async function draftToken(request: Request, flow: FlowId): Promise<string | null> {
  try {
    // Reading a cookie does not depend on how it was set.
    const value: unknown = await cookieFor(flow, false).parse(request.headers.get('Cookie'));
    return typeof value === 'string' ? value : null;
  } catch {
    // A cookie that does not decode is treated as no cookie: the form starts afresh.
    return null;
  }
}

export function draftCookieHeader(flow: FlowId, token: string, secure: boolean): Promise<string> {
  return cookieFor(flow, secure).serialize(token);
}
