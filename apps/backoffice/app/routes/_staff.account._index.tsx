import { NotificationBanner, SummaryList } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { readSession, requireStaff } from '../auth.server';
import { accessPage } from '../components/access-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

/** Who you are signed in as, and what you can change yourself: your password and your second factor. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { session } = await readSession(request, context);
  const { t, title } = await accessPage(request, context);
  const url = new URL(request.url);
  const notice = url.searchParams.get('passwordChanged') === '1' ? 'passwordChanged' : url.searchParams.get('secondFactor') === 'on'
        ? 'secondFactorEnabled'
        : url.searchParams.get('secondFactor') === 'changed'
          ? 'secondFactorChanged'
          : url.searchParams.get('recoveryCode') === 'used'
            ? 'recoveryCodeUsed'
            : null;
  const secondFactorEnabled = session?.staff.secondFactorEnabled ?? false;
  const recoveryCodesLeft = secondFactorEnabled ? await context.services.staffAccess.recoveryCodesLeft({ staffId: user.id }) : null;
  return data({
    title: title(t('account.title')),
    fullName: user.fullName,
    email: user.email,
    role: user.role,
    secondFactorEnabled,
    recoveryCodesLeft,
    notice,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function Account() {
  const { t } = useTranslation(['staff-access', 'common']);
  const page = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {page.notice ? (
          <NotificationBanner
            title={page.notice === 'recoveryCodeUsed' ? t('account.importantTitle') : t('staffAccount.successTitle')}
            success={page.notice !== 'recoveryCodeUsed'}
          >
            <p className="govuk-notification-banner__heading">{t(`account.${page.notice}`)}</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">{t('account.title')}</h1>
        <h2 className="govuk-heading-m">{t('account.details')}</h2>
        <SummaryList
          rows={[
            { key: t('account.name'), value: page.fullName },
            { key: t('account.email'), value: page.email },
            { key: t('account.role'), value: t(`roles.${page.role}`) },
            { key: t('account.secondFactor'), value: page.secondFactorEnabled ? t('account.secondFactorOn') : t('account.secondFactorOff') },
            ...(page.recoveryCodesLeft === null ? [] : [{ key: t('account.recoveryCodesLeft'), value: String(page.recoveryCodesLeft) }]),
          ]}
        />
        <p className="govuk-body">
          <a className="govuk-link" href="/account/password">
            {t('account.changePassword')}
          </a>
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href="/account/sessions">
            {t('sessions.link')}
          </a>
        </p>
        {page.secondFactorEnabled ? (
          <>
            <p className="govuk-body">
              <a className="govuk-link" href="/account/second-factor">
                {t('account.changeSecondFactor')}
              </a>
            </p>
            <p className="govuk-body">
              <a className="govuk-link" href="/account/recovery-codes">
                {t('account.recoveryCodesLink')}
              </a>
            </p>
            <p className="govuk-body">{t('account.secondFactorLost')}</p>
          </>
        ) : (
          <>
            <p className="govuk-body">{t('setUpSecondFactor.offered')}</p>
            <p className="govuk-body">
              <a className="govuk-link" href="/account/second-factor">
                {t('account.setUpSecondFactor')}
              </a>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
