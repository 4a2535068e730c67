import i18next from 'i18next';
import HttpBackend from 'i18next-http-backend';
import { initReactI18next } from 'react-i18next';
import { getInitialNamespaces } from 'remix-i18next/client';
import { i18nOptions } from './config';

/**
 * Starts i18next in the browser with the language the server rendered in (from <html lang>), and
 * fetches only the namespaces the page uses, from the app's /locales route.
 */
export async function startClientI18n(version: string): Promise<typeof i18next> {
  await i18next
    .use(initReactI18next)
    .use(HttpBackend)
    .init({
      ...i18nOptions,
      lng: document.documentElement.lang || 'en',
      ns: getInitialNamespaces(),
      backend: { loadPath: `/locales/{{lng}}/{{ns}}.json?v=${encodeURIComponent(version)}` },
    });
  return i18next;
}
