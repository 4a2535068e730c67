import { organisation } from '@complaints/content';
import { dateFromParts, OMBUDSMAN_FINDINGS, OMBUDSMAN_LIMITS } from '@complaints/domain';
import { Radios, SummaryList, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formProblems } from '../components/casework-escalation.server';
import { CaseworkDateInput, CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, backOnComplaint, caseworkDates, caseworkPage, formOutcome, orRefuse, sentDateBoxes } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework', 'ombudsman', 'validation'] };

const EMPTY = { finding: '', day: '', month: '', year: '', recommendations: '' };

/** What the Ombudsman decided, when, and what they recommended; the complaint is then closed again. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const view = await orRefuse(context.services.escalation.viewOutcome(page.caseworkRequest, params.id ?? ''), page.t);
  const dates = caseworkDates(page.language);
  return data({
    title: page.title(page.t('ombudsman:outcome.title')),
    id: view.complaintId,
    reference: view.reference,
    stage: view.stage,
    referral: {
      ombudsman: organisation.ombudsman[view.referral.ombudsman].name[page.language],
      referredOn: dates.day(view.referral.referredOn),
      theirReference: view.referral.theirReference,
      replyDueOn: dates.day(view.referral.replyDueOn),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const values = {
    finding: String(form.get('finding') ?? ''),
    ...sentDateBoxes(form, 'findingOn'),
    recommendations: String(form.get('recommendations') ?? ''),
  };
  const result = await attempt(
    context.services.escalation.recordOutcome(page.caseworkRequest, params.id ?? '', {
      finding: values.finding || undefined,
      findingOn: dateFromParts(values),
      recommendations: values.recommendations,
    }),
    page.t,
  );
  const max = new Intl.NumberFormat('en-GB').format(OMBUDSMAN_LIMITS.recommendations);
  return formOutcome(context, result, backOnComplaint(params.id), (failure) => ({ values, problems: formProblems(page.t, failure, 'ombudsman:outcome.validation', { max }) }));
}

export default function OmbudsmanOutcome() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['ombudsman', 'casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  const values = result?.values ?? EMPTY;
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} stage={page.stage} title={t('outcome.title')} problems={result?.problems}>
      <p className="govuk-body">{t('outcome.lead')}</p>
      <h2 className="govuk-heading-m">{t('outcome.referral')}</h2>
      <SummaryList
        rows={[
          { key: t('case.ombudsman'), value: page.referral.ombudsman },
          { key: t('case.referredOn'), value: page.referral.referredOn ?? '–' },
          { key: t('case.theirReference'), value: page.referral.theirReference ?? '–' },
          { key: t('case.replyDueOn'), value: page.referral.replyDueOn ?? t('case.replyNotRecorded') },
        ]}
      />
      <CaseworkForm submit={t('outcome.submit')}>
        <Radios
          id="finding"
          name="finding"
          legend={t('outcome.finding')}
          value={values.finding}
          error={error('finding')}
          errorPrefix={errorPrefix}
          choices={OMBUDSMAN_FINDINGS.map((f) => ({ value: f, label: t(`findings.${f}`) }))}
        />
        <CaseworkDateInput id="findingOn" legend={t('outcome.findingOn')} hint={t('outcome.findingOnHint')} value={values} error={error('findingOn')} errorPrefix={errorPrefix} />
        <Textarea
          id="recommendations"
          name="recommendations"
          label={t('outcome.recommendations')}
          hint={t('outcome.recommendationsHint')}
          defaultValue={values.recommendations}
          error={error('recommendations')}
          errorPrefix={errorPrefix}
          rows={5}
        />
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
