import { mayAdministerAccess } from '@complaints/auth';
import { BackLink, ErrorSummary, NotificationBanner, Panel, SummaryList } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireStaff } from '../auth.server';
import { staffFormErrors } from '../components/admin-staff-errors.server';
import { StaffDetailsFields, summaryOf, type StaffFormValues } from '../components/admin-staff-form';
import { accessPage, markFormErrors } from '../components/access-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

/** One staff account: their details, role and area, and what an administrator can do for them. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'manage_staff' });
  const found = await context.services.staffAccounts.show(user, params.id ?? '');
  if (!found) throw new Response('Not found', { status: 404 });
  const { title, language } = await accessPage(request, context);
  const notice = new URL(request.url).searchParams.get('done');
  return data({
    title: title(found.account.fullName),
    language,
    account: found.account,
    own: found.account.id === user.id,
    // A national role's access is national office's alone to change, reset or remove.
    mayAdminister: mayAdministerAccess(user, { current: found.account.role, next: found.account.role }),
    notice: ['saved', 'deactivated', 'reactivated', 'secondFactorReset', 'roleChanged'].includes(notice ?? '') ? notice : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const intent = z.enum(['details', 'deactivate', 'reactivate', 'reset-password', 'reset-second-factor']);
const fields = z.record(z.string(), z.string().max(1000)).catch({});

const NATIONAL_OFFICE_ONLY = 'Only national office can do this to a national office or system administrator account';

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = params.id ?? '';
  await requireStaff(request, context, { capability: 'manage_staff' });
  const input = fields.parse(Object.fromEntries(await request.formData()));
  const chosen = intent.safeParse(input.intent);
  if (!chosen.success) throw new Response('Bad request', { status: 400 });
  // Resetting a password or a second factor could hand over the account: a recent password first.
  const sensitive = chosen.data === 'reset-password' || chosen.data === 'reset-second-factor';
  const user = await requireStaff(request, context, { capability: 'manage_staff', recentlyAuthenticated: sensitive });
  const { t } = await accessPage(request, context);
  const staff = context.services.staffAccounts;
  switch (chosen.data) {
    case 'details': {
      const result = await staff.updateDetails(user, id, input, context.requestId);
      if (result.outcome === 'not_found') throw new Response('Not found', { status: 404 });
      if (result.outcome === 'invalid') {
        markFormErrors(context);
        return data({ values: input as StaffFormValues, errors: staffFormErrors(t, result.problems), temporaryPassword: null }, { status: 400 });
      }
      return redirect(`/admin/staff/${id}?done=saved`);
    }
    case 'deactivate':
    case 'reactivate': {
      const result = await staff.setActive(user, id, chosen.data === 'reactivate', context.requestId);
      if (result === 'not_found') throw new Response('Not found', { status: 404 });
      if (result === 'own_account') throw new Response('Not allowed on your own account', { status: 403 });
      if (result === 'national_office_only') throw new Response(NATIONAL_OFFICE_ONLY, { status: 403 });
      return redirect(`/admin/staff/${id}?done=${chosen.data}d`);
    }
    case 'reset-second-factor': {
      const result = await staff.resetSecondFactor(user, id, context.requestId);
      if (result === 'not_found') throw new Response('Not found', { status: 404 });
      if (result === 'own_account') throw new Response('Not allowed on your own account', { status: 403 });
      if (result === 'national_office_only') throw new Response(NATIONAL_OFFICE_ONLY, { status: 403 });
      return redirect(`/admin/staff/${id}?done=secondFactorReset`);
    }
    case 'reset-password': {
      const result = await staff.resetPassword(user, id, context.requestId);
      if (result.outcome === 'not_found') throw new Response('Not found', { status: 404 });
      if (result.outcome === 'own_account') throw new Response('Not allowed on your own account', { status: 403 });
      if (result.outcome === 'national_office_only') throw new Response(NATIONAL_OFFICE_ONLY, { status: 403 });
      // Shown once, on this response only: it is never stored or sent anywhere.
      return data({ values: {} as StaffFormValues, errors: {}, temporaryPassword: result.temporaryPassword });
    }
  }
}

export default function StaffAccountPage() {
  const { t } = useTranslation(['staff-access', 'common']);
  const { account, own, mayAdminister, notice, language } = useLoaderData<typeof loader>();
  const administers = !own && mayAdminister;
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const area = (account.teamName ?? account.serviceAreaName ?? account.businessAreaName)?.[language] ?? t('account.national');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/staff">{t('staffAccount.back')}</BackLink>
        {notice ? (
          <NotificationBanner title={t('staffAccount.successTitle')} success>
            <p className="govuk-notification-banner__heading">{t(`staffAccount.${notice === 'roleChanged' ? 'saved' : notice}`)}</p>
          </NotificationBanner>
        ) : null}
        {result?.temporaryPassword ? (
          <>
            <Panel title={t('staffAccount.passwordReset')}>
              {t('staffAccount.temporaryPassword')}
              <br />
              <strong translate="no">{result.temporaryPassword}</strong>
            </Panel>
            <p className="govuk-body">{t('staffAccount.temporaryPasswordHint')}</p>
          </>
        ) : null}
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={summaryOf(errors)} />
        <span className="govuk-caption-l">{account.email}</span>
        <h1 className="govuk-heading-l">{account.fullName}</h1>

        <h2 className="govuk-heading-m">{t('staffAccount.roleSection')}</h2>
        <SummaryList
          rows={[
            {
              key: t('staffAccount.role'),
              value: t(`roles.${account.role}`),
              ...(!administers ? {} : { action: { href: `/admin/staff/${account.id}/role`, text: t('staffAccount.changeRole'), visuallyHiddenText: account.fullName } }),
            },
            { key: t('account.area'), value: area },
            { key: t('staffAdmin.status'), value: account.active ? t('staffAdmin.active') : t('staffAdmin.inactive') },
          ]}
        />
        {own ? (
          <p className="govuk-body">{t('staffAccount.ownAccount')}</p>
        ) : mayAdminister ? (
          <p className="govuk-body">{t('staffAccount.roleNeedsPassword')}</p>
        ) : (
          <p className="govuk-body">{t('staffAccount.nationalOfficeOnly')}</p>
        )}

        <h2 className="govuk-heading-m">{t('staffAccount.details')}</h2>
        <form method="post" noValidate>
          <input type="hidden" name="intent" value="details" />
          <StaffDetailsFields values={result?.values && Object.keys(result.values).length > 0 ? result.values : account} errors={errors} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t('staffAccount.saveDetails')}
          </button>
        </form>

        {!administers ? null : (
          <>
            <h2 className="govuk-heading-m">{t('staffAccount.security')}</h2>
            <ul className="govuk-list govuk-list--bullet">
              <li>{account.secondFactorEnabled ? t('staffAccount.secondFactorOn') : t('staffAccount.secondFactorOff')}</li>
              {account.mustChangePassword ? <li>{t('staffAccount.mustChangePassword')}</li> : null}
            </ul>
            <form method="post">
              <input type="hidden" name="intent" value="reset-password" />
              <p className="govuk-body">{t('staffAccount.resetPasswordHint')}</p>
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t('staffAccount.resetPassword')}
              </button>
            </form>
            {account.secondFactorEnabled ? (
              <form method="post">
                <input type="hidden" name="intent" value="reset-second-factor" />
                <p className="govuk-body">{t('staffAccount.resetSecondFactorHint')}</p>
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  {t('staffAccount.resetSecondFactor')}
                </button>
              </form>
            ) : null}
            <form method="post">
              <input type="hidden" name="intent" value={account.active ? 'deactivate' : 'reactivate'} />
              {account.active ? <p className="govuk-body">{t('staffAccount.deactivateHint')}</p> : null}
              <button type="submit" className={`govuk-button ${account.active ? 'govuk-button--warning' : 'govuk-button--secondary'}`} data-module="govuk-button">
                {account.active ? t('staffAccount.deactivate') : t('staffAccount.reactivate')}
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
