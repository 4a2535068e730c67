import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { caseworkDates, caseworkPage } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework', 'learning'] };

/**
 * The staff bulletin of national learning, for every member of staff: only the wording national
 * office wrote for it, when it was published and whether the action is done. No complaint, no
 * names, no link to a point.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { t, title, language } = await caseworkPage(request, context);
  const bulletin = await context.services.learning.bulletin();
  const dates = caseworkDates(language);
  return data({
    title: title(t('learning:bulletin.title')),
    items: bulletin.map((b) => ({ id: b.id, wording: b.wording, published: dates.moment(b.publishedAt), done: b.status === 'done' })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function LearningBulletin() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation('learning');
  return (
    <>
      <h1 className="govuk-heading-l">{t('bulletin.title')}</h1>
      <p className="govuk-body">{t('bulletin.lead')}</p>
      {page.items.length === 0 ? (
        <p className="govuk-body">{t('bulletin.empty')}</p>
      ) : (
        <ul className="govuk-list app-bulletin">
          {page.items.map((item) => (
            <li key={item.id} className="govuk-!-margin-bottom-6" data-bulletin-item>
              <p className="govuk-body govuk-!-margin-bottom-1">{item.wording}</p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">{t(item.done ? 'bulletin.publishedDone' : 'bulletin.published', { when: item.published })}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
