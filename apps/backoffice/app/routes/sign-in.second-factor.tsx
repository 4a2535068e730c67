import { normaliseRecoveryCode } from '@complaints/auth';
import { ErrorSummary, TextInput } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { continueSigningIn, requireSignInStage, safeReturnTo, sessionCookieHeader } from '../auth.server';
import { accessPage, markFormErrors } from '../components/access-page.server';
import { signInStepLoader } from '../components/access-sign-in.server';

export const handle = { i18n: ['common', 'staff-access'] };

export const loader = signInStepLoader('second_factor', 'secondFactor.title');

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const codeForm = z.object({ code: z.string().max(64).default(''), returnTo: z.string().max(2048).optional() });

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSignInStage(request, context, 'second_factor');
  const { t } = await accessPage(request, context);
  const parsed = codeForm.safeParse(Object.fromEntries(await request.formData()));
  const code = parsed.success ? parsed.data.code.trim() : '';
  const returnTo = parsed.success ? safeReturnTo(parsed.data.returnTo) : null;
  const refuse = (key: string, status: number) => {
    markFormErrors(context);
    return data({ error: t(`secondFactor.errors.${key}`) }, { status });
  };
  if (!code) return refuse('missing', 400);
  if (!/^\d{3}[\s-]?\d{3}$/.test(code) && normaliseRecoveryCode(code) === null) return refuse('malformed', 400);
  const result = await context.services.staffAccess.verifySecondFactor({
    sessionId: session.session.id,
    staffId: session.staff.id,
    code,
    requestId: context.requestId,
  });
  if (result.outcome === 'throttled') return refuse('throttled', 429);
  if (result.outcome === 'wrong') return refuse('wrong', 401);
  // The session's token is new now that the second factor is given: the browser gets it. Someone
  // who gave a recovery code goes on to their account, which says what to do about the lost app.
  const next = result.recoveryCodesLeft === undefined ? returnTo : '/account?recoveryCode=used';
  return redirect(continueSigningIn(next), { headers: { 'Set-Cookie': await sessionCookieHeader(context, result.token) } });
}

export default function SecondFactor() {
  const { t } = useTranslation(['staff-access', 'common']);
  const { returnTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={result?.error ? [{ href: '#code', text: result.error }] : []} />
        <form method="post" noValidate>
          {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
          <TextInput
            id="code"
            name="code"
            label={t('secondFactor.title')}
            isPageHeading
            hint={`${t('secondFactor.lead')} ${t('secondFactor.codeHint')} ${t('secondFactor.recoveryHint')}`}
            autoComplete="one-time-code"
            spellCheck={false}
            widthClass="govuk-input--width-10"
            error={result?.error}
            errorPrefix={t('common:errorTitlePrefix')}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t('secondFactor.submit')}
          </button>
        </form>
        <p className="govuk-body">{t('secondFactor.lost')}</p>
        <form method="post" action="/sign-out">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t('secondFactor.cancel')}
          </button>
        </form>
      </div>
    </div>
  );
}
