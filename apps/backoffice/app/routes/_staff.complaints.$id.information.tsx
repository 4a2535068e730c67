import { STAFF_RECORDED_METHODS, dateFromParts } from '@complaints/domain';
import { INFORMATION_LIMITS } from '@complaints/services';
import { Radios, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SUBMIT_ID } from '../components/casework-form';
import { CaseworkDateInput, CaseworkForm, CaseworkFormPage, SubmitButton, useFieldErrors } from '../components/casework-form-page';
import { attempt, backOnComplaint, caseworkPage, dateBoxes, formOutcome, orRefuse, sentDateBoxes } from '../components/casework-page.server';
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
  const values: Values = { method: '', ...dateBoxes(form.today), summary: '', points: [] };
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
    ...sentDateBoxes(form ?? { text: () => '' }, 'occurredOn'),
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
  // Problems with a point name its place among those filled in: show the boxes as they were sent, filled first.
  return formOutcome(context, result, backOnComplaint(params.id), (failure) => ({
    values: { ...values, points: filled },
    problems: investigationProblems(page.t, 'information', failure, { idFor: fieldId, submitId: SUBMIT_ID }),
  }));
}

export default function AddInformation() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['investigation', 'casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  const values = result?.values ?? page.values;
  const boxes = Math.min(page.maxPoints, Math.max(MIN_POINT_BOXES, values.points.length));
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} title={t('information.title')} problems={result?.problems}>
      <p className="govuk-body">{t('information.lead')}</p>
      <CaseworkForm>
        <Radios
          id="method"
          name="method"
          legend={t('information.method')}
          value={values.method}
          error={error('method')}
          errorPrefix={errorPrefix}
          choices={STAFF_RECORDED_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
          small
        />
        <CaseworkDateInput id="occurredOn" legend={t('information.occurredOn')} hint={t('information.occurredOnHint')} value={values} error={error('occurredOn')} errorPrefix={errorPrefix} />
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
          <SubmitButton name="intent" value="save">
            {t('information.submit')}
          </SubmitButton>
          {boxes < page.maxPoints ? (
            <button type="submit" name="intent" value="add-point" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t('information.addPoint')}
            </button>
          ) : null}
        </div>
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
