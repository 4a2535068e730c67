/**
 * The English/Cymraeg switch. It links to the same page with ?lng=, so it works without
 * JavaScript and keeps the user where they are; the server remembers the choice in a cookie.
 */
export function languageHref(currentPath: string, currentSearch: string, language: 'en' | 'cy'): string {
  const params = new URLSearchParams(currentSearch);
  params.set('lng', language);
  return `${currentPath}?${params.toString()}`;
}

export function LanguageSwitch({
  current,
  path,
  search,
  label,
  welshHint,
  englishHint,
}: {
  current: 'en' | 'cy';
  path: string;
  search: string;
  label: string;
  welshHint: string;
  englishHint: string;
}) {
  return (
    <nav className="app-language-switch" aria-label={label}>
      <ul className="app-language-switch__list">
        <li className="app-language-switch__item">
          {current === 'en' ? (
            <span aria-current="true" className="app-language-switch__current">
              English
            </span>
          ) : (
            <a className="govuk-link app-language-switch__link" href={languageHref(path, search, 'en')} hrefLang="en" lang="en">
              <span className="govuk-visually-hidden">{englishHint}: </span>English
            </a>
          )}
        </li>
        <li className="app-language-switch__item">
          {current === 'cy' ? (
            <span aria-current="true" className="app-language-switch__current">
              Cymraeg
            </span>
          ) : (
            <a className="govuk-link app-language-switch__link" href={languageHref(path, search, 'cy')} hrefLang="cy" lang="cy">
              <span className="govuk-visually-hidden">{welshHint}: </span>Cymraeg
            </a>
          )}
        </li>
      </ul>
    </nav>
  );
}
