import { organisation } from '@complaints/content';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { detectLanguage, pageTitle, translator } from '../i18n.server';

export const handle = { i18n: ['common', 'portal'] };

/** The parts of the portal, in the order the home page lists them. Each is added as it is built. */
const SECTIONS: Array<{ key: string; href: string }> = [
  { key: 'complain', href: '/complain' },
  { key: 'complainChild', href: '/complain/young-people' },
  { key: 'leafletAdult', href: '/leaflets/adult' },
  { key: 'leafletEasyRead', href: '/leaflets/easy-read' },
  { key: 'leafletChild', href: '/leaflets/young-people' },
  { key: 'welcomePack', href: '/welcome-pack' },
  { key: 'welcomePackChild', href: '/welcome-pack/young-people' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const language = await detectLanguage(request);
  const t = translator(language, 'portal');
  return data({
    title: pageTitle(t, t('home.title'), { app: 'portal', organisation: organisation.name[language] }),
    sections: SECTIONS,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function Home() {
  const { sections } = useLoaderData<typeof loader>();
  const { t } = useTranslation('portal');
  const contact = organisation.contact;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t('home.title')}</h1>
        <p className="govuk-body-l">{t('home.lead')}</p>

        {sections.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('home.whatYouCanDoHeading')}</h2>
            <ul className="app-card-list">
              {sections.map((s) => (
                <li className="app-card-list__item" key={s.key}>
                  <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                    <a className="govuk-link" href={s.href}>
                      {t(`home.links.${s.key}.title`)}
                    </a>
                  </h3>
                  <p className="govuk-body govuk-!-margin-bottom-0">{t(`home.links.${s.key}.description`)}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}

        <h2 className="govuk-heading-m">{t('home.courtHeading')}</h2>
        <p className="govuk-body">{t('home.courtBody')}</p>

        <h2 className="govuk-heading-m">{t('home.otherWaysHeading')}</h2>
        <p className="govuk-body">
          {t('home.otherWaysBody', { phone: contact.phone, email: contact.email, address: contact.postalAddress })}
        </p>

        <h2 className="govuk-heading-m">{t('home.safetyHeading')}</h2>
        <p className="govuk-body">{t('home.safetyBody')}</p>
      </div>
    </div>
  );
}
