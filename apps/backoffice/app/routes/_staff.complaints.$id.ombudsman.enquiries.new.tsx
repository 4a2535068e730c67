import { dateFromParts, OMBUDSMAN_LIMITS } from '@complaints/domain';
import { Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { ombudsmanFormAction } from '../components/casework-escalation.server';
import { CaseworkDateInput, CaseworkForm, CaseworkFormPage, useCaseworkForm } from '../components/casework-form-page';
import { caseworkPage, orRefuse, sentDateBoxes } from '../components/casework-page.server';

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

export async function action(args: ActionFunctionArgs) {
  return ombudsmanFormAction(args, {
    read: (form) => ({ receivedOn: sentDateBoxes(form, 'receivedOn'), dueOn: sentDateBoxes(form, 'dueOn'), summary: String(form.get('summary') ?? '') }),
    send: (page, values, complaintId) =>
      args.context.services.escalation.recordEnquiry(page.caseworkRequest, complaintId, {
        receivedOn: dateFromParts(values.receivedOn),
        dueOn: dateFromParts(values.dueOn),
        summary: values.summary,
      }),
    wording: 'ombudsman:enquiry.validation',
    limits: { max: OMBUDSMAN_LIMITS.enquiry },
  });
}

export default function OmbudsmanEnquiry() {
  const { page, problems, values, t, error, errorPrefix } = useCaseworkForm<typeof loader, typeof EMPTY>(['ombudsman', 'casework', 'common'], EMPTY);
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} stage={page.stage} title={t('enquiry.title')} problems={problems}>
      <p className="govuk-body">{t('enquiry.lead', { reference: page.theirReference ?? '–', count: page.enquiries })}</p>
      <CaseworkForm submit={t('enquiry.submit')}>
        <CaseworkDateInput id="receivedOn" legend={t('enquiry.receivedOn')} hint={t('enquiry.receivedOnHint')} value={values.receivedOn} error={error('receivedOn')} errorPrefix={errorPrefix} />
        <CaseworkDateInput id="dueOn" legend={t('enquiry.dueOn')} hint={t('enquiry.dueOnHint')} value={values.dueOn} error={error('dueOn')} errorPrefix={errorPrefix} />
        <Textarea id="summary" name="summary" label={t('enquiry.summary')} hint={t('enquiry.summaryHint')} defaultValue={values.summary} error={error('summary')} errorPrefix={errorPrefix} rows={3} />
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
