import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { clearedSessionCookieHeader, readSession } from '../auth.server';

/** Signing out ends the session on the server and removes the cookie; it is a POST, never a link. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { session } = await readSession(request, context);
  if (session) {
    await context.services.staffAccess.signOut({ sessionId: session.session.id, staffId: session.staff.id, requestId: context.requestId });
  }
  return redirect(session ? '/sign-in?signedOut=1' : '/sign-in', { headers: { 'Set-Cookie': await clearedSessionCookieHeader(context) } });
}

/** A GET changes nothing: it goes to the home page. */
export function loader() {
  return redirect('/');
}
