import { useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { NavigationItem } from './staff-navigation.server';

export type StaffNavigationData = {
  fullName: string;
  roleKey: string;
  items: NavigationItem[];
  /** Whether this person may search for complaints (whoever sees complaints). */
  search: boolean;
};

/**
 * Finding a complaint, on every page for those who may: a plain GET form, so it works without
 * JavaScript and its results can be bookmarked.
 */
function HeaderSearch() {
  const { t } = useTranslation('search');
  return (
    <form method="get" action="/search" role="search" aria-label={t('header.label')} className="app-header-search">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="header-search">
          {t('header.field')}
        </label>
        <input className="govuk-input" id="header-search" name="q" type="search" autoComplete="off" spellCheck={false} />
      </div>
      <button type="submit" className="govuk-button govuk-button--inverse" data-module="govuk-button">
        {t('header.button')}
      </button>
    </form>
  );
}

/**
 * The back office's navigation in the header: the pages this person may use, and signing out (a
 * form, because signing out changes state and must not happen on a GET).
 */
export function StaffNavigation({ navigation }: { navigation: StaffNavigationData }) {
  const { t } = useTranslation('staff-access');
  const { pathname } = useLocation();
  return (
    <>
    {navigation.search ? <HeaderSearch /> : null}
    <nav aria-label={t('navigation.label')}>
      <ul className="app-nav__list">
        {navigation.items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <a href={item.href} aria-current={current ? 'page' : undefined}>
                {t(`navigation.${item.key}`)}
              </a>
            </li>
          );
        })}
        <li>
          <form method="post" action="/sign-out">
            <button type="submit" className="govuk-button govuk-button--inverse govuk-!-margin-bottom-0" data-module="govuk-button">
              {t('navigation.signOut')}
            </button>
          </form>
        </li>
      </ul>
    </nav>
    </>
  );
}

/** Who is signed in, at the top of every staff page, so someone at a shared desk can see it is them. */
export function SignedInAs({ navigation }: { navigation: StaffNavigationData }) {
  const { t } = useTranslation('staff-access');
  return <p className="govuk-body-s govuk-!-margin-bottom-4">{t('navigation.signedInAs', { name: navigation.fullName, role: t(`roles.${navigation.roleKey}`) })}</p>;
}
