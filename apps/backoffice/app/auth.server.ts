import { can, type Capability, type StaffActor } from '@complaints/auth';
import type { RoleKey } from '@complaints/domain';
import type { ResumedSession } from '@complaints/services';
import { type AppLoadContext, type Cookie, createCookie, redirect } from '@remix-run/node';

/**
 * Who is asking, for every back-office loader and action. Sessions are checked on the server on
 * every request (deny by default): no session, an expired one or one still owing a second factor
 * is sent to sign in; a missing capability is a 403; a sensitive action without a password typed
 * in the last 10 minutes goes to /reauthenticate first.
 */

export type StaffUser = StaffActor & { fullName: string; email: string; sessionId: string };

/**
 * `__Host-session` when cookies are secure: the prefix makes the browser insist on Secure, Path=/
 * and no Domain, so no other site or subdomain can set or read it. Browsers refuse `__Host-`
 * cookies without Secure, and Secure cookies are not sent over plain http, so on plain-http
 * localhost (secure cookies off) the cookie is named plain `session`. HttpOnly keeps it from
 * scripts; SameSite=Lax keeps it off cross-site form posts. No expiry: it ends with the browser,
 * and the server ends it sooner (30 minutes idle, 12 hours at most).
 */
const cookies = new Map<boolean, Cookie>();
export function sessionCookie(secure: boolean): Cookie {
  let cookie = cookies.get(secure);
  if (!cookie) {
    cookie = createCookie(secure ? '__Host-session' : 'session', { httpOnly: true, sameSite: 'lax', path: '/', secure });
    cookies.set(secure, cookie);
  }
  return cookie;
}

/** The settings of this app's sessions; without them, the strict choice (secure cookies, no demo accounts). */
export function sessionSettings(context: AppLoadContext): { secureCookies: boolean; allowDemoAccounts: boolean } {
  return context.staffSessions ?? { secureCookies: true, allowDemoAccounts: false };
}

export function sessionCookieHeader(context: AppLoadContext, token: string): Promise<string> {
  return sessionCookie(sessionSettings(context).secureCookies).serialize(token);
}

export function clearedSessionCookieHeader(context: AppLoadContext): Promise<string> {
  return sessionCookie(sessionSettings(context).secureCookies).serialize('', { maxAge: 0 });
}

async function sessionToken(request: Request, context: AppLoadContext): Promise<string | null> {
  const value: unknown = await sessionCookie(sessionSettings(context).secureCookies).parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value !== '' ? value : null;
}

// The root, layout and page loaders of one request all ask; the session is checked once. Remix
// hands each loader its own copy of the request when it takes a parameter out of the address (see
// patches/@remix-run+server-runtime+2.17.5.patch), so the loaders share the answer through the
// request's load context. An action (which may sign someone in or out) reads the session for
// itself, and the loaders that run after it in the same request read it afresh.
const resumed = new WeakMap<object, Promise<{ presented: boolean; session: ResumedSession | null }>>();

/** The request's session with what it still owes, or null; whether a cookie was presented at all. */
export function readSession(request: Request, context: AppLoadContext): Promise<{ presented: boolean; session: ResumedSession | null }> {
  const reading = request.method === 'GET' || request.method === 'HEAD';
  const key: object = reading && context ? context : request;
  let found = resumed.get(key);
  if (!found) {
    found = (async () => {
      const token = await sessionToken(request, context);
      if (!token) return { presented: false, session: null };
      const session = await context.services.staffAccess.resumeSession({ token, allowDemoAccounts: sessionSettings(context).allowDemoAccounts });
      return { presented: true, session };
    })();
    resumed.set(key, found);
  }
  return found;
}

function staffUser(session: ResumedSession): StaffUser {
  const { staff } = session;
  return {
    id: staff.id,
    role: staff.role,
    businessAreaId: staff.businessAreaId,
    serviceAreaId: staff.serviceAreaId,
    teamId: staff.teamId,
    fullName: staff.fullName,
    email: staff.email,
    sessionId: session.session.id,
  };
}

/** The path and query of a request, for coming back to it after signing in. */
export function pathOf(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

/**
 * Only a path on this site may be a place to return to: "//elsewhere" or "/\elsewhere" would be
 * read by browsers as another site.
 */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (/[\u0000-\u001f]/.test(value)) return null;
  return value;
}

/** Where a person starts: the queues, or for a system administrator (who sees no complaints) the staff accounts. */
export function homeFor(role: RoleKey): string {
  return role === 'system_administrator' ? '/admin/staff' : '/queues';
}

async function signInRedirect(request: Request, context: AppLoadContext, presented: boolean): Promise<Response> {
  const headers = new Headers();
  // A cookie for a session that has ended is removed, so the browser stops sending it.
  if (presented) headers.append('Set-Cookie', await clearedSessionCookieHeader(context));
  return redirect(`/sign-in?returnTo=${encodeURIComponent(pathOf(request))}`, { headers });
}

/**
 * The signed-in member of staff, or a thrown response: a redirect to /sign-in when not signed in
 * (or still owing a second factor, a new password or the set-up of a second factor); 403 without
 * the capability; a redirect to /reauthenticate when a recent password is needed and the last one
 * was typed over 10 minutes ago. Checking the session also moves its idle timeout on.
 */
export async function requireStaff(
  request: Request,
  context: AppLoadContext,
  options: { capability?: Capability; recentlyAuthenticated?: boolean } = {},
): Promise<StaffUser> {
  const { presented, session } = await readSession(request, context);
  if (!session || session.stage !== 'complete') {
    if (session) throw redirect(`/sign-in?returnTo=${encodeURIComponent(pathOf(request))}`);
    throw await signInRedirect(request, context, presented);
  }
  const user = staffUser(session);
  if (options.capability && !can(user, options.capability)) {
    throw new Response('You do not have access to this page.', { status: 403 });
  }
  if (options.recentlyAuthenticated && !session.recentlyAuthenticated) {
    throw redirect(`/reauthenticate?returnTo=${encodeURIComponent(pathOf(request))}`);
  }
  return user;
}

/** The signed-in member of staff, or null (also while a second factor or a new password is owed). */
export async function optionalStaff(request: Request, context: AppLoadContext): Promise<StaffUser | null> {
  const { session } = await readSession(request, context);
  return session && session.stage === 'complete' ? staffUser(session) : null;
}

/**
 * For the pages of signing in itself (the code, a new password, setting up a second factor): the
 * session that owes this step, or a redirect to wherever the person should be instead.
 */
export async function requireSignInStage(
  request: Request,
  context: AppLoadContext,
  stage: Exclude<ResumedSession['stage'], 'complete'>,
): Promise<ResumedSession> {
  const { presented, session } = await readSession(request, context);
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get('returnTo'));
  if (!session) {
    const headers = new Headers();
    if (presented) headers.append('Set-Cookie', await clearedSessionCookieHeader(context));
    throw redirect(returnTo ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/sign-in', { headers });
  }
  if (session.stage !== stage) throw redirect(nextStepPath(session.stage, session.staff.role, returnTo));
  return session;
}

/**
 * After a step of signing in, the sign-in page works out what is still owed (it reads the session
 * afresh) and sends the person on, so the order of the steps lives in one place.
 */
export function continueSigningIn(returnTo: string | null): string {
  return returnTo ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/sign-in';
}

/** The page that shows new recovery codes once, then sends the person on to `next`. */
export function recoveryCodesPath(next: string): string {
  return `/account/recovery-codes?returnTo=${encodeURIComponent(next)}`;
}

/** Where someone goes next at sign-in, given what they still owe. */
export function nextStepPath(stage: ResumedSession['stage'], role: RoleKey, returnTo: string | null): string {
  const query = returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : '';
  switch (stage) {
    case 'second_factor':
      return `/sign-in/second-factor${query}`;
    case 'new_password':
      return `/sign-in/new-password${query}`;
    case 'second_factor_setup':
      return `/sign-in/set-up-second-factor${query}`;
    case 'complete':
      return returnTo ?? homeFor(role);
  }
}
