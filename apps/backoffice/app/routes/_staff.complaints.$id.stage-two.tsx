import { dateFromParts } from '@complaints/domain';
import { Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CaseworkDateInput, CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, backOnComplaint, caseworkPage, dateBoxes, failureProblems, formOutcome, orRefuse, sentDateBoxes } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework', 'validation'] };

/** A request for a stage 2 review that came by letter, email or phone: the day it came, and what they said if anything. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await orRefuse(context.services.casework.viewMoveForm(page.caseworkRequest, params.id ?? '', 'request_stage_two'), page.t);
  return data({ title: page.title(page.t('stageTwo.title')), id: form.complaintId, reference: form.reference, today: dateBoxes(form.today) });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const values = { ...sentDateBoxes(form, 'receivedOn'), reason: String(form.get('reason') ?? '') };
  const result = await attempt(context.services.casework.requestStageTwo(page.caseworkRequest, params.id ?? '', { receivedOn: dateFromParts(values), reason: values.reason }), page.t);
  return formOutcome(context, result, backOnComplaint(params.id), (failure) => ({ values, problems: failureProblems(page.t, failure) }));
}

export default function StageTwo() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  const values = result?.values ?? { ...page.today, reason: '' };
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} title={t('stageTwo.title')} problems={result?.problems}>
      <p className="govuk-body">{t('stageTwo.lead')}</p>
      <CaseworkForm submit={t('stageTwo.submit')}>
        <CaseworkDateInput id="receivedOn" legend={t('stageTwo.receivedOn')} hint={t('stageTwo.receivedOnHint')} value={values} error={error('receivedOn')} errorPrefix={errorPrefix} />
        <Textarea id="reason" name="reason" label={t('stageTwo.reason')} defaultValue={values.reason} error={error('reason')} errorPrefix={errorPrefix} rows={4} />
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
