import { BackLink, Button, NotificationBanner, Table } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireStaff } from '../auth.server';
import { accessPage } from '../components/access-page.server';
import { caseworkDates } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

/** Where you are signed in: each session's start and last use, this browser's marked. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { t, title, language } = await accessPage(request, context);
  const sessions = await context.services.staffAccess.listOwnSessions({ staffId: user.id, sessionId: user.sessionId });
  const dates = caseworkDates(language);
  const ended = new URL(request.url).searchParams.get('ended');
  return data({
    title: title(t('sessions.title')),
    sessions: sessions.map((s, i) => ({ key: String(i), signedIn: dates.moment(s.createdAt)!, lastActive: dates.moment(s.lastActiveAt)!, current: s.current })),
    ended: ended !== null && /^\d{1,4}$/.test(ended) ? Number(ended) : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

/** "Sign out everywhere else": every other session ends; this browser stays signed in. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaff(request, context);
  const { ended } = await context.services.staffAccess.signOutEverywhereElse({ staffId: user.id, sessionId: user.sessionId, requestId: context.requestId });
  return redirect(`/account/sessions?ended=${ended}`);
}

export default function Sessions() {
  const { t } = useTranslation(['staff-access', 'common']);
  const page = useLoaderData<typeof loader>();
  const others = page.sessions.filter((s) => !s.current).length;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/account">{t('common:backLink')}</BackLink>
        {page.ended !== null ? (
          <NotificationBanner title={t('staffAccount.successTitle')} success>
            <p className="govuk-notification-banner__heading">{t('sessions.ended', { count: page.ended })}</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">{t('sessions.title')}</h1>
        <p className="govuk-body">{t('sessions.lead')}</p>
        <Table
          caption={t('sessions.caption')}
          columns={[
            { key: 'signedIn', header: t('sessions.signedIn') },
            { key: 'lastActive', header: t('sessions.lastActive') },
            { key: 'which', header: t('sessions.which') },
          ]}
          rows={page.sessions.map((s) => ({ _key: s.key, signedIn: s.signedIn, lastActive: s.lastActive, which: s.current ? <strong>{t('sessions.thisBrowser')}</strong> : t('sessions.elsewhere') }))}
        />
        {others > 0 ? (
          <form method="post" noValidate>
            <p className="govuk-body">{t('sessions.signOutLead')}</p>
            <Button variant="warning">{t('sessions.signOutEverywhereElse')}</Button>
          </form>
        ) : (
          <p className="govuk-body">{t('sessions.onlyThis')}</p>
        )}
      </div>
    </div>
  );
}
