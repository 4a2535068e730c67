import { BackLink, ErrorSummary, Panel } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireStaff } from '../auth.server';
import { staffFormErrors } from '../components/admin-staff-errors.server';
import { StaffDetailsFields, StaffRoleFields, summaryOf, type StaffFormValues } from '../components/admin-staff-form';
import { accessPage, markFormErrors } from '../components/access-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

/** Giving someone a role is a role change: the page asks for a recent password before anything is typed. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'change_roles', recentlyAuthenticated: true });
  const { t, title, language } = await accessPage(request, context);
  return data({ title: title(t('staffAccount.newTitle')), language, organisation: await context.services.staffAccounts.scopeChoices(user) });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const fields = z.record(z.string(), z.string().max(1000)).catch({});

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'change_roles', recentlyAuthenticated: true });
  const { t } = await accessPage(request, context);
  const input = fields.parse(Object.fromEntries(await request.formData()));
  const result = await context.services.staffAccounts.create(user, input, context.requestId);
  if (result.outcome === 'invalid') {
    markFormErrors(context);
    return data({ values: input as StaffFormValues, errors: staffFormErrors(t, result.problems), created: null }, { status: 400 });
  }
  return data({ values: input as StaffFormValues, errors: {}, created: { id: result.id, temporaryPassword: result.temporaryPassword } });
}

export default function NewStaffAccount() {
  const { t } = useTranslation(['staff-access', 'common']);
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.created) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Panel title={t('staffAccount.created')}>
            {t('staffAccount.temporaryPassword')}
            <br />
            <strong translate="no">{result.created.temporaryPassword}</strong>
          </Panel>
          <p className="govuk-body">{t('staffAccount.temporaryPasswordHint')}</p>
          <p className="govuk-body">
            <a className="govuk-link" href={`/admin/staff/${result.created.id}`}>
              {result.values.fullName}
            </a>
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href="/admin/staff">
              {t('staffAccount.back')}
            </a>
          </p>
        </div>
      </div>
    );
  }
  const errors = result?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/staff">{t('staffAccount.back')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={summaryOf(errors)} />
        <h1 className="govuk-heading-l">{t('staffAccount.newTitle')}</h1>
        <form method="post" noValidate>
          <StaffDetailsFields values={result?.values ?? {}} errors={errors} withEmail />
          <StaffRoleFields values={result?.values ?? {}} errors={errors} organisation={page.organisation} language={page.language} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t('staffAccount.create')}
          </button>
        </form>
      </div>
    </div>
  );
}
