import { BackLink, SummaryList } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LetterMarkup } from '../components/casework-letter';
import { letterMarkup } from '../components/casework-letter.server';
import { caseworkDates, caseworkPage, orRefuse } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework'] };

/** A letter of a complaint as it was written, with its PDF to download. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const view = await orRefuse(context.services.casework.viewLetter(page.caseworkRequest, params.id ?? '', params.letterId ?? ''));
  const dates = caseworkDates(page.language);
  return data({
    title: page.title(view.letter.subject),
    id: view.complaintId,
    reference: view.reference,
    letterId: view.letter.id,
    subject: view.letter.subject,
    kind: view.letter.kind,
    delivery: view.letter.delivery,
    language: view.letter.language,
    sent: dates.moment(view.letter.sentAt),
    html: view.document ? letterMarkup(view.document.blocks) : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function LetterPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation(['casework', 'common']);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/complaints/${page.id}`}>{t('backToComplaint')}</BackLink>
        <span className="govuk-caption-l">{page.reference}</span>
        <h1 className="govuk-heading-l">{page.subject}</h1>
        <SummaryList
          rows={[
            { key: t('letters.kind'), value: t(`letters.kinds.${page.kind}`) },
            { key: t('letters.sent'), value: page.sent ?? t('case.notPrinted') },
            { key: t('letters.delivery'), value: t(`case.delivery.${page.delivery}`) },
            { key: t('letters.language'), value: t(`languages.${page.language}`) },
          ]}
        />
        <p className="govuk-body">
          <a className="govuk-link" href={`/complaints/${page.id}/letters/${page.letterId}/pdf`} download>
            {t('letters.download')}
          </a>
        </p>
        {page.html ? <LetterMarkup html={page.html} label={t('letters.title')} /> : <p className="govuk-body">{t('letters.noDocument')}</p>}
      </div>
    </div>
  );
}
