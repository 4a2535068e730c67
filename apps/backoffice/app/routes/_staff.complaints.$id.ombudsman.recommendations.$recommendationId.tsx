import { dateFromParts, OMBUDSMAN_LIMITS } from '@complaints/domain';
import { SummaryList, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { ombudsmanFormAction } from '../components/casework-escalation.server';
import { CaseworkDateInput, CaseworkForm, CaseworkFormPage, useCaseworkForm } from '../components/casework-form-page';
import { caseworkDates, caseworkPage, orRefuse, sentDateBoxes } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework', 'ombudsman', 'validation'] };

const EMPTY = { doneOn: { day: '', month: '', year: '' }, evidence: '' };

/** One of the Ombudsman's recommendations was done: when, and the evidence. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const view = await orRefuse(context.services.escalation.viewRecommendation(page.caseworkRequest, params.id ?? '', params.recommendationId ?? ''), page.t);
  const dates = caseworkDates(page.language);
  return data({
    title: page.title(page.t('ombudsman:done.title')),
    id: view.complaintId,
    reference: view.reference,
    stage: view.stage,
    recommendation: { action: view.recommendation.action, owner: view.recommendation.owner, dueOn: dates.day(view.recommendation.dueOn) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action(args: ActionFunctionArgs) {
  return ombudsmanFormAction(args, {
    read: (form) => ({ doneOn: sentDateBoxes(form, 'doneOn'), evidence: String(form.get('evidence') ?? '') }),
    send: (page, values, complaintId) =>
      args.context.services.escalation.completeRecommendation(page.caseworkRequest, complaintId, {
        recommendationId: args.params.recommendationId ?? '',
        doneOn: dateFromParts(values.doneOn),
        evidence: values.evidence,
      }),
    wording: 'ombudsman:done.validation',
    limits: { max: OMBUDSMAN_LIMITS.evidence },
  });
}

export default function RecommendationDone() {
  const { page, problems, values, t, error, errorPrefix } = useCaseworkForm<typeof loader, typeof EMPTY>(['ombudsman', 'casework', 'common'], EMPTY);
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} stage={page.stage} title={t('done.title')} problems={problems}>
      <SummaryList
        rows={[
          { key: t('case.action'), value: page.recommendation.action },
          { key: t('case.owner'), value: page.recommendation.owner },
          { key: t('case.recommendationDue'), value: page.recommendation.dueOn ?? '–' },
        ]}
      />
      <CaseworkForm submit={t('done.submit')}>
        <CaseworkDateInput id="doneOn" legend={t('done.doneOn')} hint={t('done.doneOnHint')} value={values.doneOn} error={error('doneOn')} errorPrefix={errorPrefix} />
        <Textarea id="evidence" name="evidence" label={t('done.evidence')} hint={t('done.evidenceHint')} defaultValue={values.evidence} error={error('evidence')} errorPrefix={errorPrefix} rows={4} />
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
