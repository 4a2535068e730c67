import { InsetText } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CaseworkFormPage, SubmitButton } from '../components/casework-form-page';
import { LetterMarkup } from '../components/casework-letter';
import { letterMarkup } from '../components/casework-letter.server';
import { attempt, caseworkDates, caseworkPage, failureProblems, formOutcome, orRefuse, refusalText } from '../components/casework-page.server';

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
  return formOutcome(
    context,
    result,
    (letter) => `/complaints/${params.id}/letters/${letter.letterId}?done=${letter.approvedAutomatically ? 'approved' : 'submitted'}`,
    (failure) => ({ problems: failureProblems(page.t, failure) }),
  );
}

export default function Acknowledge() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const letter = page.letter;
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} title={t('acknowledge.title')} problems={result?.problems}>
      {letter.ok ? (
        <>
          <p className="govuk-body">{page.automatic ? t('acknowledge.leadAutomatic') : t('acknowledge.lead')}</p>
          <InsetText>
            <p className="govuk-body">{letter.delivery === 'email' ? t('letters.sendByEmail', { to: letter.sendTo }) : t('letters.sendByPost')}</p>
          </InsetText>
          <form method="post">
            <SubmitButton>{page.automatic ? t('acknowledge.submitAutomatic') : t('acknowledge.submit')}</SubmitButton>
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
    </CaseworkFormPage>
  );
}
