import { TRIAGE_OUTCOMES } from '@complaints/domain';
import { BackLink, ErrorSummary, InsetText, Radios, Textarea } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { markFormErrors } from '../components/access-page.server';
import { attempt, caseworkPage, failureProblems, orRefuse } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';
import { Paragraphs } from '../components/casework-tags';

export const handle = { i18n: ['common', 'casework'] };

/** Triage of one point: its category, and whether it is ours to answer or a matter for the court. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await orRefuse(context.services.casework.viewPointTriage(page.caseworkRequest, params.id ?? '', params.pointId ?? ''), page.t);
  return data({
    title: page.title(page.t('triage.title', { number: form.point.position, count: form.pointCount })),
    id: form.complaintId,
    reference: form.reference,
    count: form.pointCount,
    point: {
      position: form.point.position,
      text: form.point.text,
      categoryKey: form.point.categoryKey,
      triage: form.point.triage,
      triageReason: form.point.triageReason,
      courtRoute: form.point.courtRoute,
    },
    categories: form.categories.map((c) => ({ value: c.key, label: page.language === 'cy' ? c.labelCy : c.labelEn })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const FIELD_IDS: Record<string, string> = { categoryKey: 'categoryKey', outcome: 'outcome', reason: 'reason', courtRoute: 'courtRoute' };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const values = {
    categoryKey: String(form.get('categoryKey') ?? ''),
    outcome: String(form.get('outcome') ?? ''),
    reason: String(form.get('reason') ?? ''),
    courtRoute: String(form.get('courtRoute') ?? ''),
  };
  const result = await attempt(context.services.casework.recordTriage(page.caseworkRequest, params.id ?? '', params.pointId ?? '', values), page.t);
  if (result.ok) {
    return redirect(result.value.nextPointId ? `/complaints/${params.id}/triage/${result.value.nextPointId}` : `/complaints/${params.id}?done=triaged`);
  }
  markFormErrors(context);
  return data({ values, problems: failureProblems(page.t, result, (f) => FIELD_IDS[f] ?? f) }, { status: result.status });
}

export default function TriagePoint() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const values = result?.values ?? {
    categoryKey: page.point.categoryKey ?? '',
    outcome: page.point.triage ?? '',
    reason: page.point.triageReason ?? '',
    courtRoute: page.point.courtRoute ?? '',
  };
  const error = (id: string) => result?.problems.find((p) => p.field === id)?.text;
  const errorPrefix = t('common:errorTitlePrefix');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/complaints/${page.id}`}>{t('triage.back')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={(result?.problems ?? []).map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <span className="govuk-caption-l">{page.reference}</span>
        <h1 className="govuk-heading-l">{t('triage.title', { number: page.point.position, count: page.count })}</h1>
        <h2 className="govuk-heading-s">{t('triage.pointHeading')}</h2>
        <InsetText>
          <Paragraphs text={page.point.text} />
        </InsetText>
        <form method="post" noValidate>
          <Radios id="categoryKey" name="categoryKey" legend={t('triage.category')} value={values.categoryKey} error={error('categoryKey')} errorPrefix={errorPrefix} choices={page.categories} small />
          <Radios
            id="outcome"
            name="outcome"
            legend={t('triage.outcome')}
            value={values.outcome}
            error={error('outcome')}
            errorPrefix={errorPrefix}
            choices={TRIAGE_OUTCOMES.map((o) => ({ value: o, label: t(`triageOutcomes.${o}`), hint: t(`triage.outcomeHints.${o}`) }))}
          />
          <Textarea id="reason" name="reason" label={t('triage.reason')} hint={t('triage.reasonHint')} defaultValue={values.reason} error={error('reason')} errorPrefix={errorPrefix} rows={3} />
          <Textarea id="courtRoute" name="courtRoute" label={t('triage.courtRoute')} hint={t('triage.courtRouteHint')} defaultValue={values.courtRoute} error={error('courtRoute')} errorPrefix={errorPrefix} rows={3} />
          <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button">
            {t('triage.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
