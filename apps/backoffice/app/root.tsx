import { organisation } from '@complaints/content';
import { AppShell, ErrorPage, rootErrorMeta } from '@complaints/ui/remix/app-shell';
import styles from '@complaints/ui/styles/app.scss?url';
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Outlet } from '@remix-run/react';
import { rootData } from './i18n.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];
export const handle = { i18n: ['common'] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { body, headers } = await rootData(request, {
    app: 'backoffice',
    organisationName: organisation.name,
    nonce: context.cspNonce,
  });
  return data(body, headers ? { headers } : undefined);
}

export const meta: MetaFunction<typeof loader> = rootErrorMeta;


export default function App() {
  return (
    <AppShell app="backoffice" >
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  return (
    <AppShell app="backoffice" >
      <ErrorPage />
    </AppShell>
  );
}
