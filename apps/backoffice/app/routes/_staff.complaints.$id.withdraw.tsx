import { Textarea, WarningText } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SUBMIT_ID } from '../components/casework-form';
import { CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, backOnComplaint, caseworkPage, formOutcome, orRefuse } from '../components/casework-page.server';
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
  return formOutcome(context, result, backOnComplaint(params.id), (failure) => ({ values, problems: investigationProblems(page.t, 'withdrawal', failure, { submitId: SUBMIT_ID }) }));
}

export default function Withdraw() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['investigation', 'casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} title={t('withdrawal.title')} problems={result?.problems}>
      <p className="govuk-body">{t('withdrawal.lead')}</p>
      <WarningText assistiveText={t('withdrawal.warningAssistive')}>{t('withdrawal.warning')}</WarningText>
      <CaseworkForm submit={t('withdrawal.submit')} warning>
        <Textarea id="reason" name="reason" label={t('withdrawal.reason')} hint={t('withdrawal.reasonHint')} defaultValue={result?.values.reason ?? ''} error={error('reason')} errorPrefix={errorPrefix} rows={4} />
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
