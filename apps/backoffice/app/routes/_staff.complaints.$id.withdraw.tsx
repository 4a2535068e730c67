import { BackLink, ErrorSummary, Textarea, WarningText } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { markFormErrors } from '../components/access-page.server';
import { attempt, caseworkPage, orRefuse } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';
import { investigationProblems, readInvestigationForm } from '../components/investigation-form.server';

export const handle = { i18n: ['common', 'casework', 'validation', 'investigation'] };

/** The complainant told us by letter, email or phone that they withdraw their complaint; why, if they said. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await orRefuse(context.services.casework.viewMoveForm(page.caseworkRequest, params.id ?? '', 'withdraw'), page.t);
  return data({ title: page.title(page.t('investigation:withdrawal.title')), id: form.complaintId, reference: form.reference });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const read = await readInvestigationForm(request);
  const values = { reason: read.ok ? read.form.text('reason') : '' };
  const result = await attempt(context.services.investigation.withdrawComplaint(page.caseworkRequest, params.id ?? '', values), page.t);
  if (result.ok) return redirect(`/complaints/${params.id}?done=moved`);
  markFormErrors(context);
  return data({ values, problems: investigationProblems(page.t, 'withdrawal', result, { submitId: SUBMIT_ID }) }, { status: result.status });
}

export default function Withdraw() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['investigation', 'casework', 'common']);
  const error = (id: string) => result?.problems.find((p) => p.field === id)?.text;
  const errorPrefix = t('common:errorTitlePrefix');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/complaints/${page.id}`}>{t('casework:backToComplaint')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={(result?.problems ?? []).map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <span className="govuk-caption-l">{page.reference}</span>
        <h1 className="govuk-heading-l">{t('withdrawal.title')}</h1>
        <p className="govuk-body">{t('withdrawal.lead')}</p>
        <WarningText assistiveText={t('withdrawal.warningAssistive')}>{t('withdrawal.warning')}</WarningText>
        <form method="post" noValidate>
          <Textarea id="reason" name="reason" label={t('withdrawal.reason')} hint={t('withdrawal.reasonHint')} defaultValue={result?.values.reason ?? ''} error={error('reason')} errorPrefix={errorPrefix} rows={4} />
          <button type="submit" id={SUBMIT_ID} className="govuk-button govuk-button--warning" data-module="govuk-button" data-prevent-double-click="true">
            {t('withdrawal.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
