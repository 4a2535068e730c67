import i18next, { type TFunction } from 'i18next';
import { i18nOptions, type SupportedLanguage } from './config';
import { namespaces, resources } from './resources';

const instance = i18next.createInstance();
// With the resources given inline, initialisation completes before this module finishes loading.
void instance.init({ ...i18nOptions, resources, ns: namespaces, initImmediate: false });

/**
 * A translation function for words outside React: emails, letters, PDFs and server messages.
 * `audience: 'child'` picks the child wording where a key has one.
 */
export function translator(language: SupportedLanguage, namespace: string = 'common'): TFunction {
  return instance.getFixedT(language, namespace);
}

export function hasTranslation(language: SupportedLanguage, key: string, namespace = 'common'): boolean {
  return instance.exists(key, { lng: language, ns: namespace });
}
