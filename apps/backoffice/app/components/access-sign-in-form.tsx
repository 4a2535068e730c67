import { ErrorSummary, NotificationBanner, TextInput } from '@complaints/ui';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { signInAction, signInLoader } from './access-sign-in.server';

/**
 * Email address and password, working with password managers and paste (WCAG 3.3.8): ordinary
 * inputs with autocomplete "username" and "current-password", nothing that blocks pasting. A plain
 * form post, so it works without JavaScript.
 */
export function SignInPage() {
  const { t } = useTranslation(['staff-access', 'common']);
  const { returnTo, notice } = useLoaderData<typeof signInLoader>();
  const action = useActionData<typeof signInAction>();
  const errors = action?.errors ?? {};
  const summary = [
    ...(errors.form ? [{ href: '#email', text: errors.form }] : []),
    ...(errors.email ? [{ href: '#email', text: errors.email }] : []),
    ...(errors.password ? [{ href: '#password', text: errors.password }] : []),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice && summary.length === 0 ? (
          <NotificationBanner title={t('signIn.successTitle')} success>
            <p className="govuk-notification-banner__heading">{t(`signIn.${notice}`)}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={summary} />
        <h1 className="govuk-heading-l">{t('signIn.title')}</h1>
        <p className="govuk-body">{t('signIn.lead')}</p>
        <form method="post" action="/sign-in" noValidate>
          {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
          <TextInput
            id="email"
            name="email"
            type="email"
            label={t('signIn.email')}
            autoComplete="username"
            spellCheck={false}
            defaultValue={action?.email}
            error={errors.email}
            errorPrefix={t('common:errorTitlePrefix')}
          />
          <TextInput
            id="password"
            name="password"
            type="password"
            label={t('signIn.password')}
            autoComplete="current-password"
            error={errors.password}
            errorPrefix={t('common:errorTitlePrefix')}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t('signIn.submit')}
          </button>
        </form>
        <p className="govuk-body">{t('signIn.forgotten')}</p>
        <div className="govuk-inset-text">{t('signIn.notice')}</div>
      </div>
    </div>
  );
}
