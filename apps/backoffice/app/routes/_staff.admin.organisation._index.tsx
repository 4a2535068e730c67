import { ButtonLink, NotificationBanner, SummaryList } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireStaff } from '../auth.server';
import { accessPage } from '../components/access-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

/** The organisation's structure: business areas, service areas with their Heads of Service, and teams. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'manage_organisation' });
  const { t, title, language } = await accessPage(request, context);
  const view = await context.services.organisation.show(user);
  return data({ title: title(t('organisationAdmin.title')), language, businessAreas: view.businessAreas, saved: new URL(request.url).searchParams.get('saved') === '1' });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function Organisation() {
  const { t } = useTranslation(['staff-access', 'common']);
  const { businessAreas, language, saved } = useLoaderData<typeof loader>();
  const none = t('organisationAdmin.notChosen');
  return (
    <>
      {saved ? (
        <NotificationBanner title={t('organisationAdmin.successTitle')} success>
          <p className="govuk-notification-banner__heading">{t('organisationAdmin.saved')}</p>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">{t('organisationAdmin.title')}</h1>
      <p className="govuk-body">{t('organisationAdmin.lead')}</p>
      <ButtonLink href="/admin/organisation/business-areas/new">{t('organisationAdmin.addBusinessArea')}</ButtonLink>
      {businessAreas.map((area) => (
        <section key={area.id} className="govuk-!-margin-bottom-8" aria-labelledby={`area-${area.id}`}>
          <h2 className="govuk-heading-m" id={`area-${area.id}`}>
            {area.name[language]} <span className="govuk-caption-m">{area.code}</span>
          </h2>
          <SummaryList
            rows={[
              {
                key: t('organisationAdmin.csqAdministrator'),
                value: area.csqAdministratorName ?? none,
                action: { href: `/admin/organisation/business-areas/${area.id}`, text: t('organisationAdmin.edit'), visuallyHiddenText: area.name[language] },
              },
              { key: t('organisationAdmin.email'), value: area.email ?? none },
              { key: t('organisationAdmin.phone'), value: area.phone ?? none },
            ]}
          />
          {area.serviceAreas.map((service) => (
            <div key={service.id} className="govuk-!-margin-left-4">
              <h3 className="govuk-heading-s">
                {service.name[language]} ({service.code}, {t(`organisationAdmin.${service.nation}`)}) –{' '}
                <a className="govuk-link" href={`/admin/organisation/service-areas/${service.id}`}>
                  {t('organisationAdmin.edit')}
                  <span className="govuk-visually-hidden"> {service.name[language]}</span>
                </a>
              </h3>
              <p className="govuk-body">
                {t('organisationAdmin.headOfService')}: {service.headOfServiceName ?? none}
              </p>
              <ul className="govuk-list">
                {service.teams.map((team) => (
                  <li key={team.id}>
                    <a className="govuk-link" href={`/admin/organisation/teams/${team.id}`}>
                      {team.name[language]}
                      <span className="govuk-visually-hidden"> – {t('organisationAdmin.editTeam')}</span>
                    </a>{' '}
                    {team.phone ? `– ${team.phone}` : null}
                  </li>
                ))}
              </ul>
              <p className="govuk-body">
                <a className="govuk-link" href={`/admin/organisation/teams/new?serviceAreaId=${service.id}`}>
                  {t('organisationAdmin.addTeam')}
                  <span className="govuk-visually-hidden"> – {service.name[language]}</span>
                </a>
              </p>
            </div>
          ))}
          <p className="govuk-body">
            <a className="govuk-link" href={`/admin/organisation/service-areas/new?businessAreaId=${area.id}`}>
              {t('organisationAdmin.addServiceArea')}
              <span className="govuk-visually-hidden"> – {area.name[language]}</span>
            </a>
          </p>
        </section>
      ))}
    </>
  );
}
