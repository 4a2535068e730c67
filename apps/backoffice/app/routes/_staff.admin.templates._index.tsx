import { Table } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireStaff } from '../auth.server';
import { accessPage } from '../components/access-page.server';
import { caseworkDates, orRefuse } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'templates'] };

/** Every letter template by kind, wording and language, with the version letters are written from now. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'manage_templates' });
  const { t, title, language } = await accessPage(request, context, 'templates');
  const listing = await orRefuse(context.services.letterTemplates.list({ actor: user, requestId: context.requestId }), t);
  const dates = caseworkDates(language);
  const kinds = [...new Set(listing.map((l) => l.kind))];
  return data({
    title: title(t('list.title')),
    kinds: kinds.map((kind) => ({
      kind,
      templates: listing
        .filter((l) => l.kind === kind)
        .map((l) => ({ audience: l.audience, language: l.language, version: l.version, since: dates.moment(l.createdAt), href: `/admin/templates/${l.kind}/${l.audience}/${l.language}` })),
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function LetterTemplates() {
  const { t } = useTranslation(['templates', 'common']);
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t('list.title')}</h1>
      <p className="govuk-body">{t('list.lead')}</p>
      <p className="govuk-body">{t('list.versionsLead')}</p>
      {page.kinds.map(({ kind, templates }) => (
        <Table
          key={kind}
          caption={t(`kinds.${kind}`)}
          columns={[
            { key: 'audience', header: t('list.wording') },
            { key: 'language', header: t('list.language') },
            { key: 'version', header: t('list.version') },
            { key: 'since', header: t('list.since') },
            { key: 'action', header: t('list.action') },
          ]}
          rows={templates.map((template) => ({
            _key: `${template.audience}-${template.language}`,
            audience: t(`audiences.${template.audience}`),
            language: t(`languages.${template.language}`),
            version: template.version === null ? t('list.noVersion') : t('list.versionNumber', { version: template.version }),
            since: template.since ?? '',
            action: (
              <a className="govuk-link" href={template.href}>
                {t('list.open')}
                <span className="govuk-visually-hidden">
                  {' '}
                  ({t('list.openHidden', { kind: t(`kinds.${kind}`), audience: t(`audiences.${template.audience}`), language: t(`languages.${template.language}`) })})
                </span>
              </a>
            ),
          }))}
        />
      ))}
    </>
  );
}
