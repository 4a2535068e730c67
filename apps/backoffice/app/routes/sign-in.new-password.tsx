import { ErrorSummary, TextInput } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { continueSigningIn, requireSignInStage, safeReturnTo, sessionCookieHeader } from '../auth.server';
import { accessPage, markFormErrors } from '../components/access-page.server';
import { signInStepLoader } from '../components/access-sign-in.server';

export const handle = { i18n: ['common', 'staff-access'] };

/** After signing in with a temporary password from an administrator: the person chooses their own. */
export const loader = signInStepLoader('new_password', 'newPassword.title');

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const passwordForm = z.object({ password: z.string().max(4096).default(''), returnTo: z.string().max(2048).optional() });

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSignInStage(request, context, 'new_password');
  const { t } = await accessPage(request, context);
  const parsed = passwordForm.safeParse(Object.fromEntries(await request.formData()));
  const returnTo = parsed.success ? safeReturnTo(parsed.data.returnTo) : null;
  const result = await context.services.staffAccess.changePassword({
    sessionId: session.session.id,
    staffId: session.staff.id,
    next: parsed.success ? parsed.data.password : '',
    requestId: context.requestId,
  });
  if (result.outcome === 'refused') {
    markFormErrors(context);
    return data({ error: t(`password.errors.${result.problem}`) }, { status: 400 });
  }
  return redirect(continueSigningIn(returnTo), {
    headers: { 'Set-Cookie': await sessionCookieHeader(context, result.token) },
  });
}

export default function NewPassword() {
  const { t } = useTranslation(['staff-access', 'common']);
  const { returnTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={result?.error ? [{ href: '#password', text: result.error }] : []} />
        <h1 className="govuk-heading-l">{t('newPassword.title')}</h1>
        <p className="govuk-body">{t('newPassword.lead')}</p>
        <form method="post" noValidate>
          {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
          <TextInput
            id="password"
            name="password"
            type="password"
            label={t('newPassword.password')}
            hint={t('password.hint')}
            autoComplete="new-password"
            error={result?.error}
            errorPrefix={t('common:errorTitlePrefix')}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t('newPassword.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
