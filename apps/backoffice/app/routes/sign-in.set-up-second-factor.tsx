import { organisation } from '@complaints/content';
import { ErrorSummary } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { continueSigningIn, recoveryCodesPath, requireSignInStage, safeReturnTo, sessionCookieHeader } from '../auth.server';
import { SecondFactorSetUp } from '../components/access-second-factor-set-up';
import { accessPage, markFormErrors } from '../components/access-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

/** Administrators and national office must set up a second factor before they can do anything else. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requireSignInStage(request, context, 'second_factor_setup');
  const { t, title, language } = await accessPage(request, context);
  const setUp = await context.services.staffAccess.startSecondFactorSetup({ email: session.staff.email, issuer: organisation.name[language] });
  return data({ title: title(t('setUpSecondFactor.title')), setUp, returnTo: safeReturnTo(new URL(request.url).searchParams.get('returnTo')) });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const setUpForm = z.object({ key: z.string().max(128).default(''), code: z.string().max(64).default(''), returnTo: z.string().max(2048).optional() });

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSignInStage(request, context, 'second_factor_setup');
  const { t, language } = await accessPage(request, context);
  const parsed = setUpForm.safeParse(Object.fromEntries(await request.formData()));
  const form = parsed.success ? parsed.data : { key: '', code: '', returnTo: undefined };
  const code = form.code.trim();
  const refuse = async (key: string, status: number) => {
    markFormErrors(context);
    // The same key is shown again, so the account already added to the app still works.
    const setUp = await context.services.staffAccess.startSecondFactorSetup({ email: session.staff.email, issuer: organisation.name[language], key: form.key });
    return data({ error: t(`setUpSecondFactor.errors.${key}`), setUp }, { status });
  };
  if (!code) return refuse('missing', 400);
  if (!/^\d{3}[\s-]?\d{3}$/.test(code)) return refuse('malformed', 400);
  const result = await context.services.staffAccess.confirmSecondFactorSetup({
    sessionId: session.session.id,
    staffId: session.staff.id,
    key: form.key,
    code,
    requestId: context.requestId,
  });
  if (result.outcome === 'throttled') return refuse('throttled', 429);
  if (result.outcome === 'wrong') return refuse('wrong', 400);
  const next = continueSigningIn(safeReturnTo(form.returnTo));
  if (result.outcome === 'already_enabled') return redirect(next);
  // Their recovery codes are shown next, once, and then signing in carries on.
  return redirect(recoveryCodesPath(next), { headers: { 'Set-Cookie': await sessionCookieHeader(context, result.token) } });
}

export default function SetUpSecondFactorAtSignIn() {
  const { t } = useTranslation(['staff-access', 'common']);
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const setUp = result?.setUp ?? loaded.setUp;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={result?.error ? [{ href: '#code', text: result.error }] : []} />
        <h1 className="govuk-heading-l">{t('setUpSecondFactor.title')}</h1>
        <p className="govuk-body">{t('setUpSecondFactor.required')}</p>
        <SecondFactorSetUp setUp={setUp} error={result?.error} returnTo={loaded.returnTo} />
      </div>
    </div>
  );
}
