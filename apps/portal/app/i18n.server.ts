export { detectLanguage, i18nServer, namespaceResource, pageTitle, rememberLanguageHeader, rootData, translator } from '@complaints/i18n/server';
