import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Table } from '@complaints/ui';
import { caseworkDates, caseworkPage, orRefuse } from '../components/casework-page.server';
import { LEVEL_PATHS, LearningStatusTag, LearntWithAction } from '../components/learning-tags';

export const handle = { i18n: ['common', 'casework', 'learning'] };

/** The learning log's front page: the levels this person's log opens, their own actions still to do, and the staff bulletin. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { t, title, language, caseworkRequest } = await caseworkPage(request, context);
  const index = await orRefuse(context.services.learning.index(caseworkRequest), t);
  const dates = caseworkDates(language);
  return data({
    title: title(t('learning:index.title')),
    levels: index.levels.map((level) => ({ level, href: `/learning/${LEVEL_PATHS[level]}` })),
    mine: index.mine.map((p) => ({ id: p.id, learnt: p.learnt, action: p.action, level: p.level, due: dates.day(p.dueOn), status: p.status, overdue: p.overdue })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function LearningIndex() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation('learning');
  return (
    <>
      <h1 className="govuk-heading-l">{t('index.title')}</h1>
      <p className="govuk-body">{t('index.lead')}</p>
      {page.levels.length > 0 ? (
        <ul className="govuk-list">
          {page.levels.map((l) => (
            <li key={l.level}>
              <a className="govuk-link" href={l.href}>
                {t(`log.title.${l.level}`)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <h2 className="govuk-heading-m">{t('index.mineHeading')}</h2>
      {page.mine.length === 0 ? (
        <p className="govuk-body">{t('index.noneMine')}</p>
      ) : (
        <Table
          caption={t('index.mineCaption', { count: page.mine.length })}
          captionSize="s"
          columns={[
            { key: 'learnt', header: t('columns.learnt') },
            { key: 'level', header: t('columns.level') },
            { key: 'due', header: t('columns.due') },
            { key: 'status', header: t('columns.status') },
          ]}
          rows={page.mine.map((p) => ({
            _key: p.id,
            learnt: <LearntWithAction point={p} />,
            level: t(`levels.${p.level}`),
            due: p.due,
            status: <LearningStatusTag status={p.status} overdue={p.overdue} />,
          }))}
        />
      )}
      <h2 className="govuk-heading-m">{t('bulletin.title')}</h2>
      <p className="govuk-body">
        <a className="govuk-link" href="/learning/bulletin">
          {t('index.bulletinLink')}
        </a>
      </p>
    </>
  );
}
