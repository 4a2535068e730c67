import { dateFromParts } from '@complaints/domain';
import { EXTENSION_LIMITS } from '@complaints/services';
import { BackLink, DateInput, ErrorSummary, InsetText, SummaryList, Textarea } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { markFormErrors } from '../components/access-page.server';
import { formProblems } from '../components/casework-escalation.server';
import { attempt, caseworkDates, caseworkPage, orRefuse, refusalText } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';

export const handle = { i18n: ['common', 'casework', 'timescales', 'validation'] };

const EMPTY = { day: '', month: '', year: '', reason: '' };

/**
 * More time to answer at this stage: the new date (within the stage's maximum) and why, which the
 * complainant reads in the letter written with it as a draft for quality assurance.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const view = await orRefuse(context.services.timescales.viewExtension(page.caseworkRequest, params.id ?? ''), page.t);
  const dates = caseworkDates(page.language);
  return data({
    title: page.title(page.t('timescales:extend.title')),
    id: view.complaintId,
    reference: view.reference,
    stage: view.stage,
    dueNow: dates.dayWithWeekday(view.dueOn),
    latest: dates.dayWithWeekday(view.latestDueOn),
    max: view.maxWorkingDays,
    blocked: view.blocked ? refusalText(page.t, view.blocked) : null,
    extension: view.extension ? { when: dates.moment(view.extension.extendedAt), reason: view.extension.reason } : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const values = { day: String(form.get('newDueOn.day') ?? ''), month: String(form.get('newDueOn.month') ?? ''), year: String(form.get('newDueOn.year') ?? ''), reason: String(form.get('reason') ?? '') };
  const result = await attempt(context.services.timescales.extend(page.caseworkRequest, params.id ?? '', { newDueOn: dateFromParts(values), reason: values.reason }), page.t);
  if (result.ok) return redirect(`/complaints/${params.id}?done=moved`);
  markFormErrors(context);
  // A date out of bounds is told with the bounds, as the page states them now.
  const needsLimits = result.problems.some((p) => p.message === 'newDueOn.tooLong' || p.message === 'newDueOn.notLater');
  const view = needsLimits ? await attempt(context.services.timescales.viewExtension(page.caseworkRequest, params.id ?? ''), page.t) : null;
  const dates = caseworkDates(page.language);
  const limits = view?.ok ? { due: dates.dayWithWeekday(view.value.dueOn), latest: dates.dayWithWeekday(view.value.latestDueOn), max: view.value.maxWorkingDays } : {};
  const problems = formProblems(page.t, result, 'timescales:extend.validation', (p) => (p.field === 'reason' ? { max: new Intl.NumberFormat('en-GB').format(EXTENSION_LIMITS.reason) } : limits));
  return data({ values, problems }, { status: result.status });
}

export default function ExtendTimescale() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['timescales', 'casework', 'common']);
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
        <h1 className="govuk-heading-l">{t('extend.title')}</h1>
        <p className="govuk-body">{t('extend.lead', { max: page.max })}</p>
        <SummaryList
          rows={[
            { key: t('extend.dueNow'), value: page.dueNow ?? '–' },
            { key: t('extend.latest'), value: page.latest ?? '–' },
          ]}
        />
        {page.blocked ? (
          // Where a refusal made after the page was opened is linked to, in place of the form's button.
          <div id={SUBMIT_ID} tabIndex={-1}>
            <h2 className="govuk-heading-m">{t('extend.cannot')}</h2>
            <InsetText>
              <p className="govuk-body">{page.blocked}</p>
              {page.extension ? <p className="govuk-body">{t('extend.extendedOn', { when: page.extension.when })}</p> : null}
              {page.extension?.reason ? <p className="govuk-body">{t('extend.extendedWhy', { reason: page.extension.reason })}</p> : null}
            </InsetText>
          </div>
        ) : (
          <form method="post" noValidate>
            <DateInput
              id="newDueOn"
              name="newDueOn"
              legend={t('extend.newDueOn')}
              hint={t('extend.newDueOnHint', { latest: page.latest })}
              value={values}
              error={error('newDueOn')}
              errorPrefix={errorPrefix}
              labels={{ day: t('casework:log.day'), month: t('casework:log.month'), year: t('casework:log.year') }}
            />
            <Textarea id="reason" name="reason" label={t('extend.reason')} hint={t('extend.reasonHint')} defaultValue={values.reason} error={error('reason')} errorPrefix={errorPrefix} rows={4} />
            <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
              {t('extend.submit')}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
