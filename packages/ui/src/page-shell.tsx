import type { ReactNode } from 'react';
import { ExitThisPage } from './exit-this-page';
import { LanguageSwitch } from './language-switch';

export type ShellText = {
  skipLink: string;
  organisationName: string;
  serviceName: string;
  languageLabel: string;
  welshHint: string;
  englishHint: string;
  exitLabel: string;
  exitHint: string;
  phaseTag: string;
  phaseText: string;
  footerHeading: string;
  footerLinks: Array<{ href: string; text: string }>;
  helpHeading: string;
  helpText: string;
  copyright: string;
};

/**
 * The page around every screen of both apps: skip link, the organisation's header, the language
 * switch, "Exit this page" on the public site, and the same help in the same place on every page.
 */
export function PageShell({
  text,
  language,
  path,
  search,
  homeHref,
  exitUrl,
  navigation,
  children,
}: {
  text: ShellText;
  language: 'en' | 'cy';
  path: string;
  search: string;
  homeHref: string;
  /** Only the public site has "Exit this page". */
  exitUrl?: string | undefined;
  navigation?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        {text.skipLink}
      </a>
      <header className="app-header" role="banner">
        <div className="govuk-width-container app-header__container">
          <a href={homeHref} className="app-header__brand">
            <span className="app-header__organisation">{text.organisationName}</span>
            <span className="app-header__service">{text.serviceName}</span>
          </a>
          <LanguageSwitch
            current={language}
            path={path}
            search={search}
            label={text.languageLabel}
            welshHint={text.welshHint}
            englishHint={text.englishHint}
          />
        </div>
        {navigation ? <div className="govuk-width-container app-header__navigation">{navigation}</div> : null}
      </header>
      <div className="govuk-width-container">
        <div className="govuk-phase-banner">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-phase-banner__content__tag">{text.phaseTag}</strong>
            <span className="govuk-phase-banner__text">{text.phaseText}</span>
          </p>
        </div>
        {exitUrl ? <ExitThisPage url={exitUrl} label={text.exitLabel} hint={text.exitHint} /> : null}
        <main className="govuk-main-wrapper" id="main-content" role="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer app-footer" role="contentinfo">
        <div className="govuk-width-container">
          <div className="app-footer__help">
            <h2 className="govuk-heading-m">{text.helpHeading}</h2>
            <p className="govuk-body">{text.helpText}</p>
          </div>
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">{text.footerHeading}</h2>
              <ul className="govuk-footer__inline-list">
                {text.footerLinks.map((l) => (
                  <li className="govuk-footer__inline-list-item" key={l.href}>
                    <a className="govuk-footer__link" href={l.href}>
                      {l.text}
                    </a>
                  </li>
                ))}
              </ul>
              <p className="govuk-body-s app-footer__copyright">{text.copyright}</p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
