import { organisation } from '@complaints/content';
import { AppShell, ErrorPage, rootErrorMeta } from '@complaints/ui/remix/app-shell';
import styles from '@complaints/ui/styles/app.scss?url';
import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Outlet, useRouteLoaderData } from '@remix-run/react';
import { StaffNavigation, type StaffNavigationData } from './components/staff-navigation';
import { rootData } from './i18n.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];
export const handle = { i18n: ['common', 'staff-access', 'search'] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { body, headers } = await rootData(request, {
    app: 'backoffice',
    organisationName: organisation.name,
    nonce: context.cspNonce,
  });
  return data(body, headers ? { headers } : undefined);
}

/**
 * Every back-office page shows personal information or leads to it: no browser or proxy may keep
 * a copy, so "Back" after signing out shows nothing.
 */
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  const cookie = loaderHeaders.get('Set-Cookie');
  if (cookie) headers.set('Set-Cookie', cookie);
  return headers;
};

export const meta: MetaFunction<typeof loader> = rootErrorMeta;

/** The navigation comes from the staff layout's loader, so it shows only on pages for signed-in staff. */
function useNavigation() {
  const layout = useRouteLoaderData('routes/_staff') as { navigation?: StaffNavigationData } | undefined;
  return layout?.navigation ? <StaffNavigation navigation={layout.navigation} /> : undefined;
}

export default function App() {
  return (
    <AppShell app="backoffice" navigation={useNavigation()}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  return (
    <AppShell app="backoffice" navigation={useNavigation()}>
      <ErrorPage />
    </AppShell>
  );
}
