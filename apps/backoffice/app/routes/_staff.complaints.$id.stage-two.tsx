import { dateFromParts, isoDateParts } from '@complaints/domain';
import { BackLink, DateInput, ErrorSummary, Textarea } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { markFormErrors } from '../components/access-page.server';
import { attempt, caseworkPage, failureProblems, orRefuse } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';

export const handle = { i18n: ['common', 'casework', 'validation'] };

/** A request for a stage 2 review that came by letter, email or phone: the day it came, and what they said if anything. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await orRefuse(context.services.casework.viewMoveForm(page.caseworkRequest, params.id ?? '', 'request_stage_two'), page.t);
  const today = isoDateParts(form.today);
  return data({ title: page.title(page.t('stageTwo.title')), id: form.complaintId, reference: form.reference, today: { day: String(today.day), month: String(today.month), year: String(today.year) } });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const values = { day: String(form.get('receivedOn.day') ?? ''), month: String(form.get('receivedOn.month') ?? ''), year: String(form.get('receivedOn.year') ?? ''), reason: String(form.get('reason') ?? '') };
  const result = await attempt(context.services.casework.requestStageTwo(page.caseworkRequest, params.id ?? '', { receivedOn: dateFromParts(values), reason: values.reason }), page.t);
  if (result.ok) return redirect(`/complaints/${params.id}?done=moved`);
  markFormErrors(context);
  return data({ values, problems: failureProblems(page.t, result) }, { status: result.status });
}

export default function StageTwo() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const error = (id: string) => result?.problems.find((p) => p.field === id)?.text;
  const errorPrefix = t('common:errorTitlePrefix');
  const values = result?.values ?? { ...page.today, reason: '' };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/complaints/${page.id}`}>{t('backToComplaint')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={(result?.problems ?? []).map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <span className="govuk-caption-l">{page.reference}</span>
        <h1 className="govuk-heading-l">{t('stageTwo.title')}</h1>
        <p className="govuk-body">{t('stageTwo.lead')}</p>
        <form method="post" noValidate>
          <DateInput
            id="receivedOn"
            name="receivedOn"
            legend={t('stageTwo.receivedOn')}
            hint={t('stageTwo.receivedOnHint')}
            value={values}
            error={error('receivedOn')}
            errorPrefix={errorPrefix}
            labels={{ day: t('log.day'), month: t('log.month'), year: t('log.year') }}
          />
          <Textarea id="reason" name="reason" label={t('stageTwo.reason')} defaultValue={values.reason} error={error('reason')} errorPrefix={errorPrefix} rows={4} />
          <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            {t('stageTwo.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
