import { ErrorSummary, TextInput } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { homeFor, readSession, requireStaff, safeReturnTo } from '../auth.server';
import { accessPage, markFormErrors } from '../components/access-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

/** Before a sensitive action: the password again (and a code, for those with a second factor). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const { session } = await readSession(request, context);
  const { t, title } = await accessPage(request, context);
  return data({
    title: title(t('reauthenticate.title')),
    returnTo: safeReturnTo(new URL(request.url).searchParams.get('returnTo')),
    needsCode: session?.staff.secondFactorEnabled ?? false,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const form = z.object({ password: z.string().max(4096).default(''), code: z.string().max(64).optional(), returnTo: z.string().max(2048).optional() });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaff(request, context);
  const { t } = await accessPage(request, context);
  const parsed = form.safeParse(Object.fromEntries(await request.formData()));
  const input = parsed.success ? parsed.data : { password: '', code: undefined, returnTo: undefined };
  const refuse = (field: 'password' | 'code', key: string, status: number) => {
    markFormErrors(context);
    return data({ field, error: t(`reauthenticate.errors.${key}`) }, { status });
  };
  if (!input.password) return refuse('password', 'passwordMissing', 400);
  const result = await context.services.staffAccess.reauthenticate({ sessionId: user.sessionId, staffId: user.id, password: input.password, code: input.code, requestId: context.requestId });
  if (result === 'throttled') return refuse('password', 'throttled', 429);
  if (result === 'wrong') return refuse('password', 'wrong', 401);
  if (result === 'code_wrong') return refuse('code', 'code_wrong', 401);
  return redirect(safeReturnTo(input.returnTo) ?? homeFor(user.role));
}

export default function Reauthenticate() {
  const { t } = useTranslation(['staff-access', 'common']);
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={result ? [{ href: `#${result.field}`, text: result.error }] : []} />
        <h1 className="govuk-heading-l">{t('reauthenticate.title')}</h1>
        <p className="govuk-body">{t('reauthenticate.lead')}</p>
        <form method="post" noValidate>
          {page.returnTo ? <input type="hidden" name="returnTo" value={page.returnTo} /> : null}
          <TextInput
            id="password"
            name="password"
            type="password"
            label={t('reauthenticate.password')}
            autoComplete="current-password"
            error={result?.field === 'password' ? result.error : undefined}
            errorPrefix={t('common:errorTitlePrefix')}
          />
          {page.needsCode ? (
            <TextInput
              id="code"
              name="code"
              label={t('reauthenticate.code')}
              hint={t('secondFactor.codeHint')}
              autoComplete="one-time-code"
              inputMode="numeric"
              spellCheck={false}
              widthClass="govuk-input--width-5"
              error={result?.field === 'code' ? result.error : undefined}
              errorPrefix={t('common:errorTitlePrefix')}
            />
          ) : null}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t('reauthenticate.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
