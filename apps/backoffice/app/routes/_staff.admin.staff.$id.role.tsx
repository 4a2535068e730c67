import { BackLink, ErrorSummary } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireStaff } from '../auth.server';
import { staffFormErrors } from '../components/admin-staff-errors.server';
import { StaffRoleFields, summaryOf, type StaffFormValues } from '../components/admin-staff-form';
import { accessPage, markFormErrors } from '../components/access-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

/** Changing a role: a recent password is asked for before the page opens, and again if it lapses. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'change_roles', recentlyAuthenticated: true });
  const found = await context.services.staffAccounts.show(user, params.id ?? '');
  if (!found) throw new Response('Not found', { status: 404 });
  if (found.account.id === user.id) throw new Response('Not allowed on your own account', { status: 403 });
  const { t, title, language } = await accessPage(request, context);
  return data({ title: title(`${t('staffAccount.changeRole')}: ${found.account.fullName}`), language, account: found.account, organisation: found.organisation });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const fields = z.record(z.string(), z.string().max(1000)).catch({});

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'change_roles', recentlyAuthenticated: true });
  const { t } = await accessPage(request, context);
  const input = fields.parse(Object.fromEntries(await request.formData()));
  const result = await context.services.staffAccounts.changeRole(user, params.id ?? '', input, context.requestId);
  if (result.outcome === 'not_found') throw new Response('Not found', { status: 404 });
  if (result.outcome === 'own_account') throw new Response('Not allowed on your own account', { status: 403 });
  if (result.outcome === 'invalid') {
    markFormErrors(context);
    return data({ values: input as StaffFormValues, errors: staffFormErrors(t, result.problems) }, { status: 400 });
  }
  return redirect(`/admin/staff/${params.id}?done=roleChanged`);
}

export default function ChangeStaffRole() {
  const { t } = useTranslation(['staff-access', 'common']);
  const { account, organisation, language } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/admin/staff/${account.id}`}>{t('common:backLink')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={summaryOf(errors)} />
        <span className="govuk-caption-l">{account.fullName}</span>
        <h1 className="govuk-heading-l">{t('staffAccount.changeRole')}</h1>
        <form method="post" noValidate>
          <StaffRoleFields values={result?.values ?? account} errors={errors} organisation={organisation} language={language} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t('staffAccount.saveRole')}
          </button>
        </form>
      </div>
    </div>
  );
}
