import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { nextStepPath, readSession, requireSignInStage, safeReturnTo, sessionCookieHeader, sessionSettings } from '../auth.server';
import { accessPage, markFormErrors } from './access-page.server';

/**
 * The sign-in page, at /sign-in and at the back office's home page when signed out. Whoever is
 * already signed in goes on to where they were going (or to the step of signing in they owe).
 */
export async function signInLoader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const returnTo = safeReturnTo(url.searchParams.get('returnTo'));
  const { session } = await readSession(request, context);
  if (session) throw redirect(nextStepPath(session.stage, session.staff.role, returnTo));
  const { t, title } = await accessPage(request, context);
  const notice = url.searchParams.get('signedOut') === '1' ? 'signedOut' : url.searchParams.get('passwordChanged') === '1' ? 'passwordChanged' : null;
  return data({ title: title(t('signIn.title')), returnTo, notice });
}

/**
 * The loader of a later step of signing in that asks for one thing (a new password, a code): only
 * for a session at that step; the page's title, and where to go once signed in.
 */
export function signInStepLoader(stage: 'new_password' | 'second_factor', titleKey: string) {
  return async ({ request, context }: LoaderFunctionArgs) => {
    await requireSignInStage(request, context, stage);
    const { t, title } = await accessPage(request, context);
    return data({ title: title(t(titleKey)), returnTo: safeReturnTo(new URL(request.url).searchParams.get('returnTo')) });
  };
}

// Generous limits: anything longer is not an address or password of ours, and is refused before any work.
const signInForm = z.object({
  email: z.string().trim().max(320).default(''),
  password: z.string().max(1024).default(''),
  returnTo: z.string().max(2048).optional(),
});

export type SignInErrors = { email?: string; password?: string; form?: string };

export async function signInAction({ request, context }: ActionFunctionArgs) {
  const { t } = await accessPage(request, context);
  const parsed = signInForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    markFormErrors(context);
    return data({ errors: { form: t('signIn.errors.invalid') } as SignInErrors, email: '' }, { status: 400 });
  }
  const { email, password } = parsed.data;
  const returnTo = safeReturnTo(parsed.data.returnTo);
  const errors: SignInErrors = {};
  if (!email) errors.email = t('signIn.errors.emailMissing');
  if (!password) errors.password = t('signIn.errors.passwordMissing');
  if (errors.email || errors.password) {
    markFormErrors(context);
    return data({ errors, email }, { status: 400 });
  }
  const result = await context.services.staffAccess.signIn({
    email,
    password,
    clientIp: context.clientIp,
    allowDemoAccounts: sessionSettings(context).allowDemoAccounts,
    requestId: context.requestId,
  });
  if (result.outcome === 'refused') {
    markFormErrors(context);
    const message = result.reason === 'throttled' ? t('signIn.errors.throttled') : t('signIn.errors.invalid');
    return data({ errors: { form: message } as SignInErrors, email }, { status: result.reason === 'throttled' ? 429 : 401 });
  }
  return redirect(nextStepPath(result.stage, result.role, returnTo), {
    headers: { 'Set-Cookie': await sessionCookieHeader(context, result.token) },
  });
}
