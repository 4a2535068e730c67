import { BackLink, ErrorSummary, InsetText } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { markFormErrors } from '../components/access-page.server';
import { LetterMarkup } from '../components/casework-letter';
import { letterMarkup } from '../components/casework-letter.server';
import { attempt, caseworkDates, caseworkPage, failureProblems, orRefuse, refusalText } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';

export const handle = { i18n: ['common', 'casework'] };

/**
 * The acknowledgement by return: the letter as it will be written, how it will go, and the button
 * that writes it and sends it to quality assurance. Until it can be written the page says why.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const preview = await orRefuse(context.services.casework.previewAcknowledgement(page.caseworkRequest, params.id ?? ''), page.t);
  const dates = caseworkDates(page.language);
  const letter = preview.letter;
  return data({
    title: page.title(page.t('acknowledge.title')),
    id: preview.complaintId,
    reference: preview.reference,
    automatic: preview.passesAutomatically,
    letter: letter.ok
      ? { ok: true as const, subject: letter.subject, html: letterMarkup(letter.document.blocks), delivery: letter.delivery, sendTo: letter.sendTo, responseDue: dates.dayWithWeekday(letter.responseDueOn) }
      : { ok: false as const, reason: letter.reason, text: refusalText(page.t, letter.reason) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const result = await attempt(context.services.casework.prepareAcknowledgement(page.caseworkRequest, params.id ?? ''), page.t);
  if (result.ok) return redirect(`/complaints/${params.id}/letters/${result.value.letterId}?done=${result.value.approvedAutomatically ? 'approved' : 'submitted'}`);
  markFormErrors(context);
  return data({ problems: failureProblems(page.t, result) }, { status: result.status });
}

export default function Acknowledge() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const letter = page.letter;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/complaints/${page.id}`}>{t('backToComplaint')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={(result?.problems ?? []).map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <span className="govuk-caption-l">{page.reference}</span>
        <h1 className="govuk-heading-l">{t('acknowledge.title')}</h1>
        {letter.ok ? (
          <>
            <p className="govuk-body">{page.automatic ? t('acknowledge.leadAutomatic') : t('acknowledge.lead')}</p>
            <InsetText>
              <p className="govuk-body">{letter.delivery === 'email' ? t('letters.sendByEmail', { to: letter.sendTo }) : t('letters.sendByPost')}</p>
            </InsetText>
            <form method="post">
              <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
                {page.automatic ? t('acknowledge.submitAutomatic') : t('acknowledge.submit')}
              </button>
            </form>
            <h2 className="govuk-heading-m">{t('acknowledge.letterHeading')}</h2>
            <p className="govuk-body govuk-!-font-weight-bold">{letter.subject}</p>
            <LetterMarkup html={letter.html} label={t('acknowledge.letterHeading')} />
          </>
        ) : (
          <>
            <InsetText>{letter.text}</InsetText>
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
