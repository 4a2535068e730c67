import { dateFromParts, OMBUDSMAN_LIMITS } from '@complaints/domain';
import { Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formProblems } from '../components/casework-escalation.server';
import { CaseworkDateInput, CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, backOnComplaint, caseworkPage, formOutcome, orRefuse, sentDateBoxes } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework', 'ombudsman', 'validation'] };

const NO_DAY = { day: '', month: '', year: '' };
const EMPTY = { receivedOn: NO_DAY, dueOn: NO_DAY, summary: '' };

/** A further enquiry from the Ombudsman on the open referral: when it came, and its deadline. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const view = await orRefuse(context.services.escalation.viewEnquiry(page.caseworkRequest, params.id ?? ''), page.t);
  return data({
    title: page.title(page.t('ombudsman:enquiry.title')),
    id: view.complaintId,
    reference: view.reference,
    stage: view.stage,
    theirReference: view.referral.theirReference,
    enquiries: view.enquiries.length,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const values = { receivedOn: sentDateBoxes(form, 'receivedOn'), dueOn: sentDateBoxes(form, 'dueOn'), summary: String(form.get('summary') ?? '') };
  const result = await attempt(
    context.services.escalation.recordEnquiry(page.caseworkRequest, params.id ?? '', {
      receivedOn: dateFromParts(values.receivedOn),
      dueOn: dateFromParts(values.dueOn),
      summary: values.summary,
    }),
    page.t,
  );
  return formOutcome(context, result, backOnComplaint(params.id), (failure) => ({ values, problems: formProblems(page.t, failure, 'ombudsman:enquiry.validation', { max: OMBUDSMAN_LIMITS.enquiry }) }));
}

export default function OmbudsmanEnquiry() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['ombudsman', 'casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  const values = result?.values ?? EMPTY;
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} stage={page.stage} title={t('enquiry.title')} problems={result?.problems}>
      <p className="govuk-body">{t('enquiry.lead', { reference: page.theirReference ?? '–', count: page.enquiries })}</p>
      <CaseworkForm submit={t('enquiry.submit')}>
        <CaseworkDateInput id="receivedOn" legend={t('enquiry.receivedOn')} hint={t('enquiry.receivedOnHint')} value={values.receivedOn} error={error('receivedOn')} errorPrefix={errorPrefix} />
        <CaseworkDateInput id="dueOn" legend={t('enquiry.dueOn')} hint={t('enquiry.dueOnHint')} value={values.dueOn} error={error('dueOn')} errorPrefix={errorPrefix} />
        <Textarea id="summary" name="summary" label={t('enquiry.summary')} hint={t('enquiry.summaryHint')} defaultValue={values.summary} error={error('summary')} errorPrefix={errorPrefix} rows={3} />
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
