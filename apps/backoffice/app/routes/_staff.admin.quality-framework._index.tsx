import { NotificationBanner, SummaryList, Table } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireStaff } from '../auth.server';
import { accessPage } from '../components/access-page.server';
import { caseworkDates, orRefuse } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'quality-framework'] };

/** The quality framework in use (its domains, descriptors and grades) and every version before it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'manage_quality_framework' });
  const { t, title, language } = await accessPage(request, context, 'quality-framework');
  const view = await orRefuse(context.services.qualityFramework.view({ actor: user, requestId: context.requestId }), t);
  const dates = caseworkDates(language);
  const local = (en: string, cy: string) => (language === 'cy' ? cy : en);
  const saved = Number(new URL(request.url).searchParams.get('saved'));
  return data({
    title: title(t('list.title')),
    saved: Number.isInteger(saved) && saved > 0 ? saved : null,
    version: view.current.version,
    domains: view.current.items.map((i) => ({ key: i.key, dimension: i.dimension, label: local(i.labelEn, i.labelCy), description: local(i.descriptionEn, i.descriptionCy) })),
    grades: view.current.grades.map((g) => local(g.labelEn, g.labelCy)),
    versions: view.versions.map((v) => ({ version: v.version, when: dates.moment(v.createdAt), by: v.createdByName, domains: v.domains, grades: v.grades })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function QualityFramework() {
  const { t } = useTranslation(['quality-framework', 'common']);
  const page = useLoaderData<typeof loader>();
  return (
    <>
      {page.saved ? (
        <NotificationBanner title={t('list.bannerTitle')} success>
          <p className="govuk-notification-banner__heading">{t('list.saved', { version: page.saved })}</p>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">{t('list.title')}</h1>
      <p className="govuk-body">{t('list.lead')}</p>
      <p className="govuk-body" data-framework-version={page.version}>
        {t('list.inUse', { version: page.version })}
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href="/admin/quality-framework/edit">
          {t('list.edit')}
        </a>
      </p>
      <Table
        caption={t('list.domains')}
        columns={[
          { key: 'label', header: t('list.domain') },
          { key: 'dimension', header: t('list.dimension') },
          { key: 'description', header: t('list.descriptor') },
        ]}
        rows={page.domains.map((d) => ({ _key: d.key, label: d.label, dimension: t(`dimensions.${d.dimension}`), description: d.description }))}
      />
      <SummaryList rows={[{ key: t('list.grades'), value: page.grades.join(', ') }]} />
      <Table
        caption={t('list.versions')}
        columns={[
          { key: 'version', header: t('list.version') },
          { key: 'when', header: t('list.when') },
          { key: 'by', header: t('list.by') },
          { key: 'size', header: t('list.size') },
        ]}
        rows={page.versions.map((v) => ({
          _key: String(v.version),
          version: (
            <a className="govuk-link" href={`/admin/quality-framework/versions/${v.version}`}>
              {t('list.versionNumber', { version: v.version })}
            </a>
          ),
          when: v.when ?? '',
          by: v.by ?? t('list.installed'),
          size: t('list.sizeText', { domains: v.domains, grades: v.grades }),
        }))}
      />
    </>
  );
}
