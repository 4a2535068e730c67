import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { caseworkPage, orRefuse } from '../components/casework-page.server';
import { LEVEL_PATHS } from '../components/learning-tags';

export const handle = { i18n: ['common', 'casework', 'learning'] };

/** The learning log's front page: the levels this person's log opens, and the staff bulletin. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { t, title, caseworkRequest } = await caseworkPage(request, context);
  const levels = await orRefuse(context.services.learning.levels(caseworkRequest), t);
  return data({ title: title(t('learning:index.title')), levels: levels.map((level) => ({ level, href: `/learning/${LEVEL_PATHS[level]}` })) });
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
      <h2 className="govuk-heading-m">{t('bulletin.title')}</h2>
      <p className="govuk-body">
        <a className="govuk-link" href="/learning/bulletin">
          {t('index.bulletinLink')}
        </a>
      </p>
    </>
  );
}
