import { organisation } from '@complaints/content';
import { COMPLAINT_FLOWS, type FlowId } from '@complaints/domain';
import { LANGUAGE_COOKIE } from '@complaints/i18n';
import type { AppLoadContext } from '@remix-run/node';
import { DRAFT_COOKIES, draftToken } from './complaint-form/form-cookie.server';
import { formSettings } from './complaint-form/form-settings.server';
import { sessionToken, TRACKING_COOKIES, TRACKING_PATH } from './tracking/tracking-cookies.server';

/**
 * For people whose phone or computer may be shared with the other party in a family court case.
 * "Exit this page" goes through the portal's own `/exit` (app/routes/exit.ts) on its way to the
 * neutral site, which forgets what this browser holds with us: the drafts behind its cookies end on
 * the server, and the cookies, cache and storage of the site are cleared in the browser.
 */

export type DeviceCookie = { name: string; path: string };

/**
 * Every cookie the portal may leave in a browser that could tell someone else what it was used for.
 * Exit expires each of them (besides asking the browser, with Clear-Site-Data, to drop every cookie
 * of the site, which not every browser does). A part of the portal that sets a cookie adds it here.
 */
export const SHARED_DEVICE_COOKIES: readonly DeviceCookie[] = [
  DRAFT_COOKIES.adult,
  DRAFT_COOKIES.child,
  { name: TRACKING_COOKIES.session, path: TRACKING_PATH },
  { name: TRACKING_COOKIES.challenge, path: TRACKING_PATH },
  // Only the language chosen, but kept for a year: it would show the site was visited.
  { name: LANGUAGE_COOKIE, path: '/' },
];

/** A Set-Cookie header that makes the browser drop a cookie now. */
export function expiredCookieHeader(cookie: DeviceCookie, secure: boolean): string {
  return `${cookie.name}=; Path=${cookie.path}; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/**
 * Ends on the server everything this browser's cookies lead to, in one call of one use case: the
 * drafts of both complaint forms and the tracking session.
 */
export async function forgetThisDevice(request: Request, context: AppLoadContext): Promise<void> {
  const flows = Object.keys(COMPLAINT_FLOWS) as FlowId[];
  await context.services.sharedDevice.forgetThisDevice(formSettings(context).storage, {
    draftTokens: await Promise.all(flows.map((flow) => draftToken(request, flow))),
    trackingToken: await sessionToken(request),
  });
}

/**
 * The answer to `/exit`: on to the neutral site (303, so a POST is followed by a GET), with every
 * cookie of SHARED_DEVICE_COOKIES expired and the browser asked to clear the site's cache, cookies
 * and storage. The person leaves even if something fails on the way: the cookies that lead to a
 * draft are gone either way, and an unfinished draft expires by itself.
 */
export async function leaveThisDevice(request: Request, context: AppLoadContext): Promise<Response> {
  try {
    await forgetThisDevice(request, context);
  } catch (error) {
    // Through the logger: a database error is written as its code, never the values of its query.
    context.logError?.(error);
  }
  const secure = context.complaintForm?.secureCookies ?? true;
  const headers = new Headers({
    Location: organisation.exitThisPage.url,
    'Cache-Control': 'no-store',
    'Clear-Site-Data': '"cache", "cookies", "storage"',
  });
  for (const cookie of SHARED_DEVICE_COOKIES) headers.append('Set-Cookie', expiredCookieHeader(cookie, secure));
  return new Response(null, { status: 303, headers });
}
