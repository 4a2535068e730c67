import type { InitOptions } from 'i18next';

export const SUPPORTED_LANGUAGES = ['en', 'cy'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: SupportedLanguage = 'en';
export const DEFAULT_NAMESPACE = 'common';
/** The query parameter that switches language, e.g. ?lng=cy; the choice is then kept in a cookie. */
export const LANGUAGE_PARAM = 'lng';
export const LANGUAGE_COOKIE = 'lng';

export function isSupportedLanguage(value: unknown): value is SupportedLanguage {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/**
 * Options shared by the server and the browser. Child wording uses i18next's context: a key `x`
 * with `x_child` beside it, chosen by `t('x', { context: 'child' })`, falling back to the adult
 * wording where no child wording is needed.
 */
export const i18nOptions = {
  supportedLngs: [...SUPPORTED_LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: DEFAULT_NAMESPACE,
  fallbackNS: DEFAULT_NAMESPACE,
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions;
