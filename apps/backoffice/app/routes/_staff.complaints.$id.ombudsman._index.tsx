import { organisation } from '@complaints/content';
import { dateFromParts, OMBUDSMAN_LIMITS } from '@complaints/domain';
import { SummaryList, Textarea, TextInput } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { ombudsmanFormAction } from '../components/casework-escalation.server';
import { CaseworkDateInput, CaseworkForm, CaseworkFormPage, useCaseworkForm } from '../components/casework-form-page';
import { caseworkPage, orRefuse, sentDateBoxes } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework', 'ombudsman', 'validation'] };

const NO_DAY = { day: '', month: '', year: '' };
const EMPTY = { referredOn: NO_DAY, theirReference: '', replyDueOn: NO_DAY, enquiry: '' };

/**
 * The complainant has gone to the Ombudsman: when, the Ombudsman's reference, and their first
 * enquiry with the day it asks for our reply by. Which Ombudsman follows from where the service was given, so it
 * is shown, not asked.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const view = await orRefuse(context.services.escalation.viewReferral(page.caseworkRequest, params.id ?? ''), page.t);
  const ombudsman = organisation.ombudsman[view.ombudsman];
  return data({
    title: page.title(page.t('ombudsman:refer.title')),
    id: view.complaintId,
    reference: view.reference,
    stage: view.stage,
    ombudsman: { key: view.ombudsman, name: ombudsman.name[page.language], phone: ombudsman.phone, website: ombudsman.website },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action(args: ActionFunctionArgs) {
  return ombudsmanFormAction(args, {
    read: (form) => ({
      referredOn: sentDateBoxes(form, 'referredOn'),
      theirReference: String(form.get('theirReference') ?? ''),
      replyDueOn: sentDateBoxes(form, 'replyDueOn'),
      enquiry: String(form.get('enquiry') ?? ''),
    }),
    send: (page, values, complaintId) =>
      args.context.services.escalation.refer(page.caseworkRequest, complaintId, {
        referredOn: dateFromParts(values.referredOn),
        theirReference: values.theirReference,
        replyDueOn: dateFromParts(values.replyDueOn),
        enquiry: values.enquiry,
      }),
    wording: 'ombudsman:refer.validation',
    limits: (p) => ({ max: p.field === 'enquiry' ? OMBUDSMAN_LIMITS.enquiry : OMBUDSMAN_LIMITS.theirReference }),
  });
}

export default function ReferToOmbudsman() {
  const { page, problems, values, t, error, errorPrefix } = useCaseworkForm<typeof loader, typeof EMPTY>(['ombudsman', 'casework', 'common'], EMPTY);
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} stage={page.stage} title={t('refer.title')} problems={problems}>
      <p className="govuk-body">{t('refer.lead')}</p>
      <SummaryList
        rows={[
          {
            key: t('refer.which'),
            value: (
              <>
                <span data-ombudsman={page.ombudsman.key}>{page.ombudsman.name}</span>
                <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{t('refer.whichHint', { nation: t(`refer.nations.${page.ombudsman.key}`) })}</span>
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                  {page.ombudsman.phone} · {page.ombudsman.website}
                </span>
              </>
            ),
          },
        ]}
      />
      <CaseworkForm submit={t('refer.submit')}>
        <CaseworkDateInput id="referredOn" legend={t('refer.referredOn')} hint={t('refer.referredOnHint')} value={values.referredOn} error={error('referredOn')} errorPrefix={errorPrefix} />
        <TextInput
          id="theirReference"
          name="theirReference"
          label={t('refer.theirReference')}
          hint={t('refer.theirReferenceHint')}
          defaultValue={values.theirReference}
          error={error('theirReference')}
          errorPrefix={errorPrefix}
          widthClass="govuk-input--width-20"
          spellCheck={false}
        />
        <CaseworkDateInput id="replyDueOn" legend={t('refer.replyDueOn')} hint={t('refer.replyDueOnHint')} value={values.replyDueOn} error={error('replyDueOn')} errorPrefix={errorPrefix} />
        <Textarea id="enquiry" name="enquiry" label={t('refer.enquiry')} hint={t('refer.enquiryHint')} defaultValue={values.enquiry} error={error('enquiry')} errorPrefix={errorPrefix} rows={3} />
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
