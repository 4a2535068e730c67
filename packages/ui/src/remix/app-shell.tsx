import { organisation } from '@complaints/content';
import { isRouteErrorResponse, useLocation, useRouteError, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from 'remix-i18next/react';
import { PageShell } from '../page-shell';
import { shellText } from '../shell-text';
import { Document } from './document';
import { useGovukFrontend } from './govuk-frontend';

/** What each app's root loader returns (built by `rootData` in @complaints/i18n/server). */
export type RootData = {
  language: 'en' | 'cy';
  nonce: string;
  exitUrl?: string | undefined;
  errorTitles: Record<ErrorKind, string>;
};

export type ErrorKind = 'notFound' | 'badRequest' | 'server';

export function errorKind(error: unknown): ErrorKind {
  if (isRouteErrorResponse(error) && error.status === 404) return 'notFound';
  if (isRouteErrorResponse(error) && error.status >= 400 && error.status < 500) return 'badRequest';
  return 'server';
}

/** The document and page shell around every page of an app, in the language of the request. */
export function AppShell({
  app,
  footerLinks = [],
  navigation,
  children,
}: {
  app: 'portal' | 'backoffice';
  footerLinks?: Array<{ href: string; key: string }>;
  navigation?: ReactNode;
  children: ReactNode;
}) {
  const root = useRouteLoaderData('root') as RootData | undefined;
  const language = root?.language ?? 'en';
  useChangeLanguage(language);
  const { t } = useTranslation('common');
  const location = useLocation();
  useGovukFrontend();
  return (
    <Document language={language} nonce={root?.nonce ?? ''} exitUrl={root?.exitUrl}>
      <PageShell
        text={{ ...shellText(t, language, app), footerLinks: footerLinks.map((l) => ({ href: l.href, text: t(l.key) })) }}
        language={language}
        path={location.pathname}
        search={location.search}
        homeHref="/"
        exitUrl={root?.exitUrl}
        navigation={navigation}
      >
        {children}
      </PageShell>
    </Document>
  );
}

/** "Page not found", "Sorry, there is a problem" and the like, calm and in the page's language. */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation('common');
  const key = errorKind(error);
  // A refusal carries its own words (in the page's language): why this cannot be done now.
  const said = isRouteErrorResponse(error) && typeof (error.data as { message?: unknown } | null)?.message === 'string' ? (error.data as { message: string }).message : null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t(`errors.${key}.title`)}</h1>
        <p className="govuk-body">{key === 'badRequest' && said ? said : t(`errors.${key}.body`)}</p>
        {key === 'server' ? <p className="govuk-body">{t('errors.server.contact', { phone: organisation.contact.phone })}</p> : null}
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            {t('errors.notFound.home')}
          </a>
        </p>
      </div>
    </div>
  );
}

/** The root meta: on an error, the error page's title; otherwise each route sets its own. */
export function rootErrorMeta({ data, error }: { data: unknown; error?: unknown }) {
  if (!error) return [];
  const titles = (data as RootData | undefined)?.errorTitles;
  return [{ title: titles?.[errorKind(error)] ?? 'Sorry, there is a problem with the service' }];
}
