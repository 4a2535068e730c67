import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Outlet, useLoaderData, useRouteError, useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { can } from '@complaints/auth';
import { homeFor, requireStaff } from '../auth.server';
import { accessPage } from '../components/access-page.server';
import { staffNavigation } from '../components/staff-navigation.server';
import { SignedInAs, type StaffNavigationData } from '../components/staff-navigation';

export const handle = { i18n: ['common', 'staff-access', 'search'] };

/**
 * Every page for signed-in staff sits under this layout: it turns away anyone not signed in (each
 * page then checks its own capability), and gives the header its navigation by capability.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { t, title } = await accessPage(request, context);
  const navigation: StaffNavigationData = { fullName: user.fullName, roleKey: user.role, items: staffNavigation(user), search: can(user, 'search_complaints') };
  return data({
    navigation,
    home: homeFor(user.role),
    forbiddenTitle: title(t('forbidden.title')),
  });
}

/** Titles for a page of this layout that failed; a page that loaded sets its own. */
export const meta: MetaFunction<typeof loader> = ({ data: layout, error, matches }) => {
  if (!error) return [];
  if (isRouteErrorResponse(error) && error.status === 403) return [{ title: layout?.forbiddenTitle }];
  const root = matches.find((m) => m.id === 'root')?.data as { errorTitles?: Record<string, string> } | undefined;
  const kind = isRouteErrorResponse(error) && error.status === 404 ? 'notFound' : isRouteErrorResponse(error) && error.status < 500 ? 'badRequest' : 'server';
  return [{ title: root?.errorTitles?.[kind] }];
};

export default function StaffLayout() {
  const { navigation } = useLoaderData<typeof loader>();
  return (
    <>
      <SignedInAs navigation={navigation} />
      <Outlet />
    </>
  );
}

/** A page the person may not open, or one that failed, keeps the navigation around it. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation(['staff-access', 'common']);
  const layout = useRouteLoaderData<typeof loader>('routes/_staff');
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [heading, body] =
    status === 403
      ? [t('forbidden.title'), t('forbidden.body')]
      : status === 404
        ? [t('common:errors.notFound.title'), t('common:errors.notFound.body')]
        : status < 500
          ? [t('common:errors.badRequest.title'), t('common:errors.badRequest.body')]
          : [t('common:errors.server.title'), t('common:errors.server.body')];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {layout ? <SignedInAs navigation={layout.navigation} /> : null}
        <h1 className="govuk-heading-l">{heading}</h1>
        <p className="govuk-body">{body}</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            {t('forbidden.home')}
          </a>
        </p>
      </div>
    </div>
  );
}
