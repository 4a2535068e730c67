import { dateFromParts, OMBUDSMAN_LIMITS } from '@complaints/domain';
import { SummaryList, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { ombudsmanFormAction } from '../components/casework-escalation.server';
import { CaseworkDateInput, CaseworkForm, CaseworkFormPage, useCaseworkForm } from '../components/casework-form-page';
import { caseworkDates, caseworkPage, orRefuse, sentDateBoxes } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework', 'ombudsman', 'validation'] };

const EMPTY = { sentOn: { day: '', month: '', year: '' }, reply: '' };

/** Our reply to one of the Ombudsman's enquiries went: when, and what was sent. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const view = await orRefuse(context.services.escalation.viewReply(page.caseworkRequest, params.id ?? '', params.enquiryId ?? ''), page.t);
  const dates = caseworkDates(page.language);
  return data({
    title: page.title(page.t('ombudsman:reply.title')),
    id: view.complaintId,
    reference: view.reference,
    stage: view.stage,
    enquiry: {
      theirReference: view.referral.theirReference,
      receivedOn: dates.day(view.enquiry.receivedOn),
      dueOn: dates.dayWithWeekday(view.enquiry.dueOn),
      summary: view.enquiry.summary,
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action(args: ActionFunctionArgs) {
  return ombudsmanFormAction(args, {
    read: (form) => ({ sentOn: sentDateBoxes(form, 'sentOn'), reply: String(form.get('reply') ?? '') }),
    send: (page, values, complaintId) =>
      args.context.services.escalation.reply(page.caseworkRequest, complaintId, { enquiryId: args.params.enquiryId ?? '', sentOn: dateFromParts(values.sentOn), reply: values.reply }),
    wording: 'ombudsman:reply.validation',
    limits: { max: OMBUDSMAN_LIMITS.reply },
  });
}

export default function OmbudsmanReply() {
  const { page, problems, values, t, error, errorPrefix } = useCaseworkForm<typeof loader, typeof EMPTY>(['ombudsman', 'casework', 'common'], EMPTY);
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} stage={page.stage} title={t('reply.title')} problems={problems}>
      <SummaryList
        rows={[
          { key: t('case.theirReference'), value: page.enquiry.theirReference ?? '–' },
          { key: t('reply.received'), value: page.enquiry.receivedOn ?? '–' },
          { key: t('case.dueOn'), value: page.enquiry.dueOn ?? '–' },
          ...(page.enquiry.summary ? [{ key: t('reply.asked'), value: page.enquiry.summary }] : []),
        ]}
      />
      <CaseworkForm submit={t('reply.submit')}>
        <CaseworkDateInput id="sentOn" legend={t('reply.sentOn')} hint={t('reply.sentOnHint')} value={values.sentOn} error={error('sentOn')} errorPrefix={errorPrefix} />
        <Textarea id="reply" name="reply" label={t('reply.reply')} hint={t('reply.replyHint')} defaultValue={values.reply} error={error('reply')} errorPrefix={errorPrefix} rows={5} />
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
