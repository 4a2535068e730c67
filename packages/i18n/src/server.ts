import { createCookie } from '@remix-run/node';
import { RemixI18Next } from 'remix-i18next/server';
import { DEFAULT_LANGUAGE, LANGUAGE_COOKIE, LANGUAGE_PARAM, SUPPORTED_LANGUAGES, i18nOptions, isSupportedLanguage, type SupportedLanguage } from './config';
import { namespaces, resources } from './resources';

export { resources, namespaces };
import { translator } from './translator';
export { translator };
export { hasTranslation } from './translator';

/** Remembers the chosen language for a year; it holds nothing personal. */
export const languageCookie = createCookie(LANGUAGE_COOKIE, {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** Language from ?lng=, then the cookie, then the browser's Accept-Language, then English. */
export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LANGUAGES],
    fallbackLanguage: DEFAULT_LANGUAGE,
    cookie: languageCookie,
    searchParamKey: LANGUAGE_PARAM,
    order: ['searchParams', 'cookie', 'header'],
  },
  i18next: { ...i18nOptions, resources },
});

// The root loader, the page's loader and the renderer all ask for one request: decided once.
const detected = new WeakMap<Request, Promise<SupportedLanguage>>();

export function detectLanguage(request: Request): Promise<SupportedLanguage> {
  let language = detected.get(request);
  if (!language) {
    language = i18nServer.getLocale(request).then((found) => (isSupportedLanguage(found) ? found : DEFAULT_LANGUAGE));
    detected.set(request, language);
  }
  return language;
}

/** A Set-Cookie header when the page was asked for in a language by ?lng=, so the choice sticks. */
export async function rememberLanguageHeader(request: Request, language: SupportedLanguage): Promise<string | null> {
  const asked = new URL(request.url).searchParams.get(LANGUAGE_PARAM);
  if (!isSupportedLanguage(asked)) return null;
  return languageCookie.serialize(language);
}

/** The resources of one namespace in one language, for the browser to fetch. */
export function namespaceResource(language: string, namespace: string): Record<string, unknown> | null {
  if (!isSupportedLanguage(language)) return null;
  const found = resources[language]?.[namespace];
  return (found as Record<string, unknown> | undefined) ?? null;
}

/**
 * A page title in the GOV.UK form: "Question – Service – Organisation", prefixed "Error: " when the
 * page shows errors.
 */
export function pageTitle(
  t: (key: string, options?: Record<string, unknown>) => string,
  title: string,
  options: { app: 'portal' | 'backoffice'; organisation: string; hasErrors?: boolean },
): string {
  const service = t(options.app === 'portal' ? 'common:serviceName' : 'common:serviceNameBackoffice');
  const full = `${title} – ${t('common:pageTitleSuffix', { service, organisation: options.organisation })}`;
  return options.hasErrors ? `${t('common:errorTitlePrefix')} ${full}` : full;
}

const titlesKnown = new Map<string, Record<'notFound' | 'badRequest' | 'server', string>>();

/** The error pages' titles: the same for every request in a language, so worked out once. */
function errorTitles(app: 'portal' | 'backoffice', language: SupportedLanguage, organisationName: string) {
  const key = `${app}:${language}:${organisationName}`;
  let titles = titlesKnown.get(key);
  if (!titles) {
    const t = translator(language);
    const titled = (name: string) => pageTitle(t, t(`errors.${name}.title`), { app, organisation: organisationName });
    titles = { notFound: titled('notFound'), badRequest: titled('badRequest'), server: titled('server') };
    titlesKnown.set(key, titles);
  }
  return titles;
}

/**
 * What every page's root loader returns: the language (remembered in a cookie when chosen by
 * ?lng=), the CSP nonce, and the titles of the error pages in that language.
 */
export async function rootData(
  request: Request,
  options: { app: 'portal' | 'backoffice'; organisationName: Record<SupportedLanguage, string>; nonce: string; exitUrl?: string },
) {
  const language = await detectLanguage(request);
  const cookie = await rememberLanguageHeader(request, language);
  return {
    body: {
      language,
      nonce: options.nonce,
      exitUrl: options.exitUrl,
      errorTitles: errorTitles(options.app, language, options.organisationName[language]),
    },
    headers: cookie ? { 'Set-Cookie': cookie } : undefined,
  };
}
