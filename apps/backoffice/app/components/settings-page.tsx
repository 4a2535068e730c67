import { BackLink, ErrorSummary, InsetText, NotificationBanner } from '@complaints/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The top of a page of the procedure's settings: back to the settings, the form's problems, the
 * banner after a change, the heading and lead, and what a change reaches (new due dates only,
 * other servers within 30 seconds).
 */
export function SettingsPageTop(props: {
  /** The settings namespace's group of words: `timescales` or `nonWorkingDays`. */
  words: 'timescales' | 'nonWorkingDays';
  problems: ReadonlyArray<{ field: string; text: string }>;
  /** The banner's words after a change, or null when there is none to show. */
  banner: { title: string; text: ReactNode } | null;
}) {
  const { t } = useTranslation(['settings', 'common']);
  return (
    <>
      <BackLink href="/admin/settings">{t('backToSettings')}</BackLink>
      <ErrorSummary title={t('common:errorSummaryTitle')} errors={props.problems.map((p) => ({ href: `#${p.field}`, text: p.text }))} />
      {props.banner ? (
        <NotificationBanner title={props.banner.title} success>
          <p className="govuk-notification-banner__heading">{props.banner.text}</p>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">{t(`${props.words}.title`)}</h1>
      <p className="govuk-body">{t(`${props.words}.lead`)}</p>
      <InsetText>
        <p className="govuk-body">{t(`${props.words}.appliesFrom`)}</p>
        <p className="govuk-body">{t(`${props.words}.otherServers`)}</p>
      </InsetText>
    </>
  );
}
