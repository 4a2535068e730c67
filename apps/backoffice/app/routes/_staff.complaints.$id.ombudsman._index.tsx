import { organisation } from '@complaints/content';
import { dateFromParts, OMBUDSMAN_LIMITS } from '@complaints/domain';
import { BackLink, DateInput, ErrorSummary, SummaryList, TextInput } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { markFormErrors } from '../components/access-page.server';
import { formProblems } from '../components/casework-escalation.server';
import { attempt, caseworkPage, orRefuse } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';

export const handle = { i18n: ['common', 'casework', 'ombudsman', 'validation'] };

const EMPTY = { day: '', month: '', year: '', theirReference: '' };

/**
 * The complainant has gone to the Ombudsman: when, and the Ombudsman's reference. Which Ombudsman
 * follows from where the service was given, so it is shown, not asked.
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

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const values = {
    day: String(form.get('referredOn.day') ?? ''),
    month: String(form.get('referredOn.month') ?? ''),
    year: String(form.get('referredOn.year') ?? ''),
    theirReference: String(form.get('theirReference') ?? ''),
  };
  const result = await attempt(context.services.escalation.refer(page.caseworkRequest, params.id ?? '', { referredOn: dateFromParts(values), theirReference: values.theirReference }), page.t);
  if (result.ok) return redirect(`/complaints/${params.id}?done=moved`);
  markFormErrors(context);
  return data({ values, problems: formProblems(page.t, result, 'ombudsman:refer.validation', { max: OMBUDSMAN_LIMITS.theirReference }) }, { status: result.status });
}

export default function ReferToOmbudsman() {
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
        <h1 className="govuk-heading-l">{t('refer.title')}</h1>
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
        <form method="post" noValidate>
          <DateInput
            id="referredOn"
            name="referredOn"
            legend={t('refer.referredOn')}
            hint={t('refer.referredOnHint')}
            value={values}
            error={error('referredOn')}
            errorPrefix={errorPrefix}
            labels={{ day: t('casework:log.day'), month: t('casework:log.month'), year: t('casework:log.year') }}
          />
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
          <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            {t('refer.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
