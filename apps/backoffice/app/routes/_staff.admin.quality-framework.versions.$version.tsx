import { BackLink, SummaryList, Table } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireStaff } from '../auth.server';
import { accessPage } from '../components/access-page.server';
import { orRefuse } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'quality-framework'] };

/** One version of the quality framework as it was saved, in both languages: reviews made against it read so. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'manage_quality_framework' });
  const { t, title } = await accessPage(request, context, 'quality-framework');
  const version = await orRefuse(context.services.qualityFramework.viewVersion({ actor: user, requestId: context.requestId }, Number(params.version)), t);
  return data({ title: title(t('version.title', { version: version.version })), version });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function QualityFrameworkVersion() {
  const { t } = useTranslation(['quality-framework', 'common']);
  const { version } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/admin/quality-framework">{t('version.back')}</BackLink>
      <h1 className="govuk-heading-l">{t('version.title', { version: version.version })}</h1>
      <Table
        caption={t('list.domains')}
        columns={[
          { key: 'label', header: t('list.domain') },
          { key: 'dimension', header: t('list.dimension') },
          { key: 'description', header: t('list.descriptor') },
        ]}
        rows={version.items.map((d) => ({
          _key: d.key,
          label: (
            <>
              {d.labelEn}
              <span className="govuk-!-display-block" lang="cy">
                {d.labelCy}
              </span>
            </>
          ),
          dimension: t(`dimensions.${d.dimension}`),
          description: (
            <>
              {d.descriptionEn}
              <span className="govuk-!-display-block" lang="cy">
                {d.descriptionCy}
              </span>
            </>
          ),
        }))}
      />
      <SummaryList rows={[{ key: t('list.grades'), value: version.grades.map((g) => `${g.labelEn} (${g.labelCy})`).join(', ') }]} />
    </>
  );
}
