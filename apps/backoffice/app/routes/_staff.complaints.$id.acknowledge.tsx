import { BackLink, InsetText } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LetterMarkup } from '../components/casework-letter';
import { letterMarkup } from '../components/casework-letter.server';
import { caseworkDates, caseworkPage, orRefuse } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework'] };

/**
 * The acknowledgement by return: the letter as it will go, how it will go, and the button that
 * sends it. Until a manager is assigned the page says why it cannot go yet.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const preview = await orRefuse(context.services.casework.previewAcknowledgement(page.caseworkRequest, params.id ?? ''));
  const dates = caseworkDates(page.language);
  const letter = preview.letter;
  return data({
    title: page.title(page.t('acknowledge.title')),
    id: preview.complaintId,
    reference: preview.reference,
    letter: letter.ok
      ? { ok: true as const, subject: letter.subject, html: letterMarkup(letter.document.blocks), delivery: letter.delivery, sendTo: letter.sendTo, responseDue: dates.dayWithWeekday(letter.responseDueOn) }
      : { ok: false as const, reason: letter.reason },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const sent = await orRefuse(context.services.casework.acknowledgeComplaint(page.caseworkRequest, params.id ?? ''));
  return redirect(`/complaints/${params.id}?done=${sent.delivery === 'email' ? 'acknowledged' : 'queued'}`);
}

export default function Acknowledge() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation(['casework', 'common']);
  const letter = page.letter;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/complaints/${page.id}`}>{t('backToComplaint')}</BackLink>
        <span className="govuk-caption-l">{page.reference}</span>
        <h1 className="govuk-heading-l">{t('acknowledge.title')}</h1>
        {letter.ok ? (
          <>
            <p className="govuk-body">{t('acknowledge.lead')}</p>
            <InsetText>
              <p className="govuk-body">{letter.delivery === 'email' ? t('acknowledge.byEmail', { to: letter.sendTo }) : t('acknowledge.byPost', { to: letter.sendTo })}</p>
            </InsetText>
            <form method="post">
              <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
                {t('acknowledge.submit')}
              </button>
            </form>
            <h2 className="govuk-heading-m">{t('acknowledge.letterHeading')}</h2>
            <p className="govuk-body govuk-!-font-weight-bold">{letter.subject}</p>
            <LetterMarkup html={letter.html} label={t('acknowledge.letterHeading')} />
          </>
        ) : (
          <>
            <InsetText>{t(`case.acknowledgementBlocked.${letter.reason}`)}</InsetText>
            {letter.reason === 'no_responder' || letter.reason === 'no_manager_contact' ? (
              <a className="govuk-button" data-module="govuk-button" href={`/complaints/${page.id}/assign`} role="button" draggable="false">
                {t('acknowledge.assignFirst')}
              </a>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
