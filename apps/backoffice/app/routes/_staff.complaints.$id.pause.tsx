import { PAUSE_LIMITS } from '@complaints/services';
import { BackLink, ErrorSummary, Textarea } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { markFormErrors } from '../components/access-page.server';
import { formProblems } from '../components/casework-escalation.server';
import { attempt, caseworkPage, orRefuse } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';

export const handle = { i18n: ['common', 'casework', 'timescales', 'validation'] };

/** The clock stops while we wait on the complainant: what we asked them for. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await orRefuse(context.services.casework.viewMoveForm(page.caseworkRequest, params.id ?? '', 'pause_clock'), page.t);
  return data({ title: page.title(page.t('timescales:pause.title')), id: form.complaintId, reference: form.reference, stage: form.stage });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const values = { reason: String(form.get('reason') ?? '') };
  const result = await attempt(context.services.timescales.pauseClock(page.caseworkRequest, params.id ?? '', values), page.t);
  if (result.ok) return redirect(`/complaints/${params.id}?done=moved`);
  markFormErrors(context);
  return data({ values, problems: formProblems(page.t, result, 'timescales:pause.validation', { max: new Intl.NumberFormat('en-GB').format(PAUSE_LIMITS.reason) }) }, { status: result.status });
}

export default function PauseClock() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['timescales', 'casework', 'common']);
  const error = (id: string) => result?.problems.find((p) => p.field === id)?.text;
  const errorPrefix = t('common:errorTitlePrefix');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/complaints/${page.id}`}>{t('casework:backToComplaint')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={(result?.problems ?? []).map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <span className="govuk-caption-l">
          {page.reference} · {t('casework:stage', { stage: page.stage })}
        </span>
        <h1 className="govuk-heading-l">{t('pause.title')}</h1>
        <p className="govuk-body">{t('pause.lead')}</p>
        <form method="post" noValidate>
          <Textarea id="reason" name="reason" label={t('pause.reason')} hint={t('pause.reasonHint')} defaultValue={result?.values.reason ?? ''} error={error('reason')} errorPrefix={errorPrefix} rows={4} />
          <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            {t('pause.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
