import { organisation } from '@complaints/content';
import { dateFromParts, OMBUDSMAN_FINDINGS, OMBUDSMAN_LIMITS } from '@complaints/domain';
import { BackLink, DateInput, ErrorSummary, Radios, SummaryList, Textarea } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { markFormErrors } from '../components/access-page.server';
import { formProblems } from '../components/casework-escalation.server';
import { attempt, caseworkDates, caseworkPage, orRefuse } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';

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
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const values = {
    finding: String(form.get('finding') ?? ''),
    day: String(form.get('findingOn.day') ?? ''),
    month: String(form.get('findingOn.month') ?? ''),
    year: String(form.get('findingOn.year') ?? ''),
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
  if (result.ok) return redirect(`/complaints/${params.id}?done=moved`);
  markFormErrors(context);
  const max = new Intl.NumberFormat('en-GB').format(OMBUDSMAN_LIMITS.recommendations);
  return data({ values, problems: formProblems(page.t, result, 'ombudsman:outcome.validation', { max }) }, { status: result.status });
}

export default function OmbudsmanOutcome() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['ombudsman', 'casework', 'common']);
  const error = (id: string) => result?.problems.find((p) => p.field === id)?.text;
  const errorPrefix = t('common:errorTitlePrefix');
  const values = result?.values ?? EMPTY;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/complaints/${page.id}`}>{t('casework:backToComplaint')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={(result?.problems ?? []).map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <span className="govuk-caption-l">
          {page.reference} · {t('casework:stage', { stage: page.stage })}
        </span>
        <h1 className="govuk-heading-l">{t('outcome.title')}</h1>
        <p className="govuk-body">{t('outcome.lead')}</p>
        <h2 className="govuk-heading-m">{t('outcome.referral')}</h2>
        <SummaryList
          rows={[
            { key: t('case.ombudsman'), value: page.referral.ombudsman },
            { key: t('case.referredOn'), value: page.referral.referredOn ?? '–' },
            { key: t('case.theirReference'), value: page.referral.theirReference ?? '–' },
          ]}
        />
        <form method="post" noValidate>
          <Radios
            id="finding"
            name="finding"
            legend={t('outcome.finding')}
            value={values.finding}
            error={error('finding')}
            errorPrefix={errorPrefix}
            choices={OMBUDSMAN_FINDINGS.map((f) => ({ value: f, label: t(`findings.${f}`) }))}
          />
          <DateInput
            id="findingOn"
            name="findingOn"
            legend={t('outcome.findingOn')}
            hint={t('outcome.findingOnHint')}
            value={values}
            error={error('findingOn')}
            errorPrefix={errorPrefix}
            labels={{ day: t('casework:log.day'), month: t('casework:log.month'), year: t('casework:log.year') }}
          />
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
          <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            {t('outcome.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
