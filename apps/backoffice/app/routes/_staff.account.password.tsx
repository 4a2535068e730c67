import { BackLink, ErrorSummary, TextInput } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireStaff, sessionCookieHeader } from '../auth.server';
import { accessPage, markFormErrors } from '../components/access-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const { t, title } = await accessPage(request, context);
  return data({ title: title(t('changePassword.title')) });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const passwordForm = z.object({ current: z.string().max(4096).default(''), next: z.string().max(4096).default('') });

/** Changing your password signs you out everywhere else; this browser carries on with a new session. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaff(request, context);
  const { t } = await accessPage(request, context);
  const parsed = passwordForm.safeParse(Object.fromEntries(await request.formData()));
  const form = parsed.success ? parsed.data : { current: '', next: '' };
  const result = await context.services.staffAccess.changePassword({ sessionId: user.sessionId, staffId: user.id, current: form.current, next: form.next, requestId: context.requestId });
  if (result.outcome === 'refused') {
    markFormErrors(context);
    const field = ['current_wrong', 'current_missing', 'throttled'].includes(result.problem) ? 'current' : 'next';
    return data({ field, error: t(`password.errors.${result.problem}`) }, { status: result.problem === 'throttled' ? 429 : 400 });
  }
  return redirect('/account?passwordChanged=1', { headers: { 'Set-Cookie': await sessionCookieHeader(context, result.token) } });
}

export default function ChangePassword() {
  const { t } = useTranslation(['staff-access', 'common']);
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/account">{t('common:backLink')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={result ? [{ href: `#${result.field}`, text: result.error }] : []} />
        <h1 className="govuk-heading-l">{t('changePassword.title')}</h1>
        <p className="govuk-body">{t('changePassword.lead')}</p>
        <form method="post" noValidate>
          <TextInput
            id="current"
            name="current"
            type="password"
            label={t('changePassword.current')}
            autoComplete="current-password"
            error={result?.field === 'current' ? result.error : undefined}
            errorPrefix={t('common:errorTitlePrefix')}
          />
          <TextInput
            id="next"
            name="next"
            type="password"
            label={t('changePassword.next')}
            hint={t('password.hint')}
            autoComplete="new-password"
            error={result?.field === 'next' ? result.error : undefined}
            errorPrefix={t('common:errorTitlePrefix')}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t('changePassword.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
