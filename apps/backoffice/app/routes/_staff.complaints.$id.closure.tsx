import { CLOSURE_CHECK_ITEMS } from '@complaints/domain';
import { Checkboxes, InsetText, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, backOnComplaint, caseworkDates, caseworkPage, failureProblems, formOutcome, orRefuse, refusalText } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework', 'validation'] };

/**
 * The CSQ manager's closure check: what the record says beside each item to tick, a note for each,
 * and the checks made before. Closing waits for a complete check.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const view = await orRefuse(context.services.casework.viewClosureCheck(page.caseworkRequest, params.id ?? ''), page.t);
  const dates = caseworkDates(page.language);
  const last = view.checks.at(-1);
  return data({
    title: page.title(page.t('closure.title')),
    id: view.complaintId,
    reference: view.reference,
    stage: view.stage,
    record: view.record,
    blocked: view.blocked ? refusalText(page.t, view.blocked) : null,
    values: Object.fromEntries(CLOSURE_CHECK_ITEMS.map((i) => [i, { done: last?.checklist[i]?.done ?? false, note: last?.checklist[i]?.note ?? '' }])),
    checks: view.checks.map((c) => ({ id: c.id, outcome: c.outcome, by: c.reviewerName, when: dates.moment(c.reviewedAt) })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const ticked = new Set(form.getAll('done').map(String));
  const values = Object.fromEntries(CLOSURE_CHECK_ITEMS.map((i) => [i, { done: ticked.has(i), note: String(form.get(`${i}Note`) ?? '') }]));
  const result = await attempt(context.services.casework.checkClosure(page.caseworkRequest, params.id ?? '', values), page.t);
  return formOutcome(context, result, backOnComplaint(params.id), (failure) => ({
    values,
    problems: failureProblems(page.t, failure, (f) => (f.endsWith('.note') ? `${f.split('.')[0]}Note` : f.split('.')[0]!)),
  }));
}

export default function ClosureCheck() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const values = result?.values ?? page.values;
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} stage={page.stage} title={t('closure.title')} problems={result?.problems}>
      <p className="govuk-body">{t('closure.lead')}</p>
      <h2 className="govuk-heading-m">{t('closure.recordHeading')}</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>{t('closure.record.unanswered', { count: page.record.unansweredPoints })}</li>
        <li>{t('closure.record.notSent', { count: page.record.lettersNotSent })}</li>
        <li>{t('closure.record.onTime', { answer: page.record.responsesOnTime ? t('yes') : t('no') })}</li>
      </ul>
      {page.blocked ? <InsetText>{page.blocked}</InsetText> : null}
      <CaseworkForm submit={t('closure.submit')}>
        {CLOSURE_CHECK_ITEMS.map((item) => (
          <div key={item} className="govuk-!-margin-bottom-6">
            <Checkboxes
              id={item}
              name="done"
              legend={t(`closure.items.${item}`)}
              values={values[item]?.done ? [item] : []}
              error={error(item)}
              errorPrefix={errorPrefix}
              choices={[{ value: item, label: t('closure.done') }]}
              small
            />
            <Textarea id={`${item}Note`} name={`${item}Note`} label={t('closure.note')} hint={t('closure.noteHint')} defaultValue={values[item]?.note ?? ''} error={error(`${item}Note`)} errorPrefix={errorPrefix} rows={2} />
          </div>
        ))}
      </CaseworkForm>
      {page.checks.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">{t('closure.checksHeading')}</h2>
          <ul className="govuk-list">
            {page.checks.map((c) => (
              <li key={c.id}>{t('closure.check', { outcome: t(`closure.outcomes.${c.outcome}`), name: c.by, when: c.when })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </CaseworkFormPage>
  );
}
