import { organisation } from '@complaints/content';
import { BackLink, ErrorSummary } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { readSession, recoveryCodesPath, requireStaff, sessionCookieHeader } from '../auth.server';
import { SecondFactorSetUp } from '../components/access-second-factor-set-up';
import { accessPage, markFormErrors } from '../components/access-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

/**
 * A second factor, offered to everyone whose role does not already require one; and, for someone
 * who has one, moving it to a new authenticator app, after typing their password again (within
 * the last 10 minutes): the new app's code replaces the old app, whose codes stop working.
 */
async function signedInFor(request: Request, context: LoaderFunctionArgs['context']) {
  const { session } = await readSession(request, context);
  const changing = session?.staff.secondFactorEnabled ?? false;
  const user = await requireStaff(request, context, { recentlyAuthenticated: changing });
  return { user, changing };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, changing } = await signedInFor(request, context);
  const { t, title, language } = await accessPage(request, context);
  const setUp = await context.services.staffAccess.startSecondFactorSetup({ email: user.email, issuer: organisation.name[language] });
  return data({ title: title(t(changing ? 'changeSecondFactor.title' : 'setUpSecondFactor.title')), changing, setUp });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const setUpForm = z.object({ key: z.string().max(128).default(''), code: z.string().max(64).default('') });

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, changing } = await signedInFor(request, context);
  const { t, language } = await accessPage(request, context);
  const parsed = setUpForm.safeParse(Object.fromEntries(await request.formData()));
  const form = parsed.success ? parsed.data : { key: '', code: '' };
  const code = form.code.trim();
  const refuse = async (key: string, status: number) => {
    markFormErrors(context);
    const setUp = await context.services.staffAccess.startSecondFactorSetup({ email: user.email, issuer: organisation.name[language], key: form.key });
    return data({ error: t(`setUpSecondFactor.errors.${key}`), setUp }, { status });
  };
  if (!code) return refuse('missing', 400);
  if (!/^\d{3}[\s-]?\d{3}$/.test(code)) return refuse('malformed', 400);
  const result = await context.services.staffAccess.confirmSecondFactorSetup({
    sessionId: user.sessionId,
    staffId: user.id,
    key: form.key,
    code,
    replace: changing,
    requestId: context.requestId,
  });
  if (result.outcome === 'throttled') return refuse('throttled', 429);
  if (result.outcome === 'wrong') return refuse('wrong', 400);
  const next = `/account?secondFactor=${changing ? 'changed' : 'on'}`;
  if (result.outcome === 'already_enabled') return redirect(next);
  // Their new recovery codes are shown next, once, then their account.
  return redirect(recoveryCodesPath(next), { headers: { 'Set-Cookie': await sessionCookieHeader(context, result.token) } });
}

export default function AccountSecondFactor() {
  const { t } = useTranslation(['staff-access', 'common']);
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/account">{t('common:backLink')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={result?.error ? [{ href: '#code', text: result.error }] : []} />
        <h1 className="govuk-heading-l">{t(loaded.changing ? 'changeSecondFactor.title' : 'setUpSecondFactor.title')}</h1>
        <p className="govuk-body">{t(loaded.changing ? 'changeSecondFactor.lead' : 'setUpSecondFactor.offered')}</p>
        <SecondFactorSetUp setUp={result?.setUp ?? loaded.setUp} error={result?.error} />
      </div>
    </div>
  );
}
