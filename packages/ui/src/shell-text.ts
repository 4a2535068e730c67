import { organisation } from '@complaints/content';
import type { TFunction } from 'i18next';
import type { ShellText } from './page-shell';

const known = new Map<string, ShellText>();

/**
 * The shell's words in the page's language, from the common namespace and the organisation's
 * details. They are the same on every page, so they are worked out once per language and app.
 */
export function shellText(t: TFunction, language: 'en' | 'cy', app: 'portal' | 'backoffice'): ShellText {
  // Only on the server: in the browser the words may still be arriving on the first render.
  if (typeof window !== 'undefined') return shellTextNow(t, language, app);
  const key = `${app}:${language}`;
  const found = known.get(key);
  if (found) return found;
  const text = shellTextNow(t, language, app);
  known.set(key, text);
  return text;
}

function shellTextNow(t: TFunction, language: 'en' | 'cy', app: 'portal' | 'backoffice'): ShellText {
  const contact = organisation.contact;
  return {
    skipLink: t('common:skipLink'),
    organisationName: organisation.name[language],
    serviceName: app === 'portal' ? t('common:serviceName') : t('common:serviceNameBackoffice'),
    languageLabel: t('common:languageSwitch.label'),
    welshHint: t('common:languageSwitch.toWelshHint'),
    englishHint: t('common:languageSwitch.toEnglishHint'),
    exitLabel: t('common:exitThisPage.button'),
    exitHint: t('common:exitThisPage.hint'),
    phaseTag: t('common:phaseBanner.tag'),
    phaseText: t('common:phaseBanner.text'),
    footerHeading: t('common:footer.heading'),
    footerLinks: [],
    helpHeading: t('common:help.heading'),
    helpText: t('common:help.body', {
      phone: contact.phone,
      hours: contact.openingHours[language],
      textRelay: contact.textRelay,
      email: contact.email,
    }),
    copyright: t('common:footer.copyright', { name: organisation.name[language] }),
  };
}

/** CSS custom properties for the organisation's colours, set once per page with the CSP nonce. */
export function brandStyle(): string {
  const c = organisation.colours;
  return `:root{--app-brand:${c.brand};--app-brand-dark:${c.brandDark};--app-link:${c.link};--app-link-visited:${c.linkVisited}}`;
}
