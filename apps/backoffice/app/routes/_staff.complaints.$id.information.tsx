import { CORRESPONDENCE_METHODS, dateFromParts, isoDateParts } from '@complaints/domain';
import { INFORMATION_LIMITS } from '@complaints/services';
import { BackLink, DateInput, ErrorSummary, Radios, Textarea } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { markFormErrors } from '../components/access-page.server';
import { attempt, caseworkPage, orRefuse } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';
import { investigationProblems, readInvestigationForm } from '../components/investigation-form.server';

export const handle = { i18n: ['common', 'casework', 'validation', 'investigation'] };

const MIN_POINT_BOXES = 1;

type Values = { method: string; day: string; month: string; year: string; summary: string; points: string[] };

/**
 * What the complainant sent or told us after making their complaint: kept in the correspondence
 * log, and anything new they raise added as new points of the complaint, each in its own box.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await orRefuse(context.services.investigation.viewAddInformation(page.caseworkRequest, params.id ?? ''), page.t);
  const today = isoDateParts(form.today);
  const values: Values = { method: '', day: String(today.day), month: String(today.month), year: String(today.year), summary: '', points: [] };
  return data({ title: page.title(page.t('investigation:information.title')), id: form.complaintId, reference: form.reference, nextPoint: form.pointCount + 1, maxPoints: INFORMATION_LIMITS.newPoints, values });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

/** The id of the field a problem is about: each new point has its own box. */
function fieldId(field: string): string {
  const point = /^points\.(\d+)/.exec(field);
  if (point) return `point-${Number(point[1]) + 1}`;
  if (field === 'points') return 'point-1';
  return field.split('.')[0] ?? field;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const read = await readInvestigationForm(request);
  const form = read.ok ? read.form : null;
  const boxes = (form?.names() ?? []).filter((n) => /^point-\d+$/.test(n)).sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)));
  const values: Values = {
    method: form?.text('method') ?? '',
    day: form?.text('occurredOn.day') ?? '',
    month: form?.text('occurredOn.month') ?? '',
    year: form?.text('occurredOn.year') ?? '',
    summary: form?.text('summary') ?? '',
    points: boxes.slice(0, INFORMATION_LIMITS.newPoints).map((n) => form?.text(n) ?? ''),
  };
  if (form?.text('intent') === 'add-point') {
    return data({ values: { ...values, points: [...values.points, ''].slice(0, INFORMATION_LIMITS.newPoints) }, problems: [] as Array<{ field: string; text: string }> });
  }
  // Boxes left empty raise nothing new; what is left is numbered on from the complaint's points.
  const filled = values.points.filter((p) => p.trim() !== '');
  const input = { method: values.method, occurredOn: dateFromParts(values), summary: values.summary, points: filled };
  const result = await attempt(context.services.investigation.addInformation(page.caseworkRequest, params.id ?? '', input), page.t);
  if (result.ok) return redirect(`/complaints/${params.id}?done=moved`);
  markFormErrors(context);
  // Problems with a point name its place among those filled in: show the boxes as they were sent, filled first.
  return data({ values: { ...values, points: filled }, problems: investigationProblems(page.t, 'information', result, { idFor: fieldId, submitId: SUBMIT_ID }) }, { status: result.status });
}

export default function AddInformation() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['investigation', 'casework', 'common']);
  const error = (id: string) => result?.problems.find((p) => p.field === id)?.text;
  const errorPrefix = t('common:errorTitlePrefix');
  const values = result?.values ?? page.values;
  const boxes = Math.min(page.maxPoints, Math.max(MIN_POINT_BOXES, values.points.length));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/complaints/${page.id}`}>{t('casework:backToComplaint')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={(result?.problems ?? []).map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <span className="govuk-caption-l">{page.reference}</span>
        <h1 className="govuk-heading-l">{t('information.title')}</h1>
        <p className="govuk-body">{t('information.lead')}</p>
        <form method="post" noValidate>
          <Radios
            id="method"
            name="method"
            legend={t('information.method')}
            value={values.method}
            error={error('method')}
            errorPrefix={errorPrefix}
            choices={CORRESPONDENCE_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
            small
          />
          <DateInput
            id="occurredOn"
            name="occurredOn"
            legend={t('information.occurredOn')}
            hint={t('information.occurredOnHint')}
            value={values}
            error={error('occurredOn')}
            errorPrefix={errorPrefix}
            labels={{ day: t('casework:log.day'), month: t('casework:log.month'), year: t('casework:log.year') }}
          />
          <Textarea id="summary" name="summary" label={t('information.summary')} defaultValue={values.summary} error={error('summary')} errorPrefix={errorPrefix} rows={6} />

          <h2 className="govuk-heading-m">{t('information.pointsHeading')}</h2>
          <p className="govuk-hint">{t('information.pointsHint', { next: page.nextPoint })}</p>
          {Array.from({ length: boxes }, (_, i) => (
            <Textarea
              key={i}
              id={`point-${i + 1}`}
              name={`point-${i + 1}`}
              label={t('information.point', { number: i + 1 })}
              defaultValue={values.points[i] ?? ''}
              error={error(`point-${i + 1}`)}
              errorPrefix={errorPrefix}
              rows={4}
            />
          ))}
          {/* Saving comes first in the form, so pressing Enter saves rather than adding a box. */}
          <div className="govuk-button-group">
            <button type="submit" id={SUBMIT_ID} name="intent" value="save" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
              {t('information.submit')}
            </button>
            {boxes < page.maxPoints ? (
              <button type="submit" name="intent" value="add-point" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t('information.addPoint')}
              </button>
            ) : null}
          </div>
        </form>
      </div>
    </div>
  );
}
