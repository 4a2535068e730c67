import { dateFromParts } from '@complaints/domain';
import { EXTENSION_LIMITS } from '@complaints/services';
import { InsetText, SummaryList, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { formProblems } from '../components/casework-escalation.server';
import { SUBMIT_ID } from '../components/casework-form';
import { CaseworkDateInput, CaseworkForm, CaseworkFormPage, useCaseworkForm } from '../components/casework-form-page';
import { attempt, backOnComplaint, caseworkDates, caseworkPage, formOutcome, orRefuse, refusalText, sentDateBoxes } from '../components/casework-page.server';

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
  const values = { ...sentDateBoxes(form, 'newDueOn'), reason: String(form.get('reason') ?? '') };
  const result = await attempt(context.services.timescales.extend(page.caseworkRequest, params.id ?? '', { newDueOn: dateFromParts(values), reason: values.reason }), page.t);
  return formOutcome(context, result, backOnComplaint(params.id), async (failure) => {
    // A date out of bounds is told with the bounds, as the page states them now.
    const needsLimits = failure.problems.some((p) => p.message === 'newDueOn.tooLong' || p.message === 'newDueOn.notLater');
    const view = needsLimits ? await attempt(context.services.timescales.viewExtension(page.caseworkRequest, params.id ?? ''), page.t) : null;
    const dates = caseworkDates(page.language);
    const limits = view?.ok ? { due: dates.dayWithWeekday(view.value.dueOn), latest: dates.dayWithWeekday(view.value.latestDueOn), max: view.value.maxWorkingDays } : {};
    const problems = formProblems(page.t, failure, 'timescales:extend.validation', (p) => (p.field === 'reason' ? { max: new Intl.NumberFormat('en-GB').format(EXTENSION_LIMITS.reason) } : limits));
    return { values, problems };
  });
}

export default function ExtendTimescale() {
  const { page, problems, values, t, error, errorPrefix } = useCaseworkForm<typeof loader, typeof EMPTY>(['timescales', 'casework', 'common'], EMPTY);
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} stage={page.stage} title={t('extend.title')} problems={problems}>
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
        <CaseworkForm submit={t('extend.submit')}>
          <CaseworkDateInput id="newDueOn" legend={t('extend.newDueOn')} hint={t('extend.newDueOnHint', { latest: page.latest })} value={values} error={error('newDueOn')} errorPrefix={errorPrefix} />
          <Textarea id="reason" name="reason" label={t('extend.reason')} hint={t('extend.reasonHint')} defaultValue={values.reason} error={error('reason')} errorPrefix={errorPrefix} rows={4} />
        </CaseworkForm>
      )}
    </CaseworkFormPage>
  );
}
