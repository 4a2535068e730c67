import { PRINT_BATCH_LIMITS } from '@complaints/domain';
import { ErrorMessage, ErrorSummary, Select } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../components/casework-form-page';
import { markFormErrors } from '../components/access-page.server';
import { caseworkDates, caseworkPage, orRefuse, SUBMIT_ID } from '../components/casework-page.server';
import { ComplaintLink } from '../components/casework-tags';

export const handle = { i18n: ['common', 'casework', 'print-queue'] };

/** The first letter's checkbox: where a problem with the choice links to. */
const CHOICE_ID = 'letterIds';

const CHOICE_PROBLEMS = ['letterIds.empty', 'letterIds.tooMany', 'letterIds.invalid'];

/**
 * The print queue: letters waiting for post, by business area, and those printed lately. Ticking
 * letters and printing them (`print-queue/print`) gives one PDF to print and post, and marks them
 * printed; a print refused comes back here with `problem` (about the choice) or `refusal` (why it
 * cannot be printed) and the letters that were ticked, shown in the error summary.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  const problem = CHOICE_PROBLEMS.find((p) => p === search.get('problem')) ?? null;
  const refusal = search.get('refusal');
  const { t, title, language, caseworkRequest } = await caseworkPage(request, context, { capability: 'print_letters' });
  const refusalWords = refusal && /^[a-z_]+$/.test(refusal) ? t(`casework:refusals.${refusal}`, { defaultValue: '' }) : '';
  const problems = problem
    ? [{ field: CHOICE_ID, text: t(`print-queue:validation.${problem}`, { max: PRINT_BATCH_LIMITS.max }) }]
    : refusalWords
      ? [{ field: SUBMIT_ID, text: refusalWords }]
      : [];
  if (problems.length > 0) markFormErrors(context);
  const page = await orRefuse(context.services.printQueue.view(caseworkRequest, { area: search.get('area') }), t);
  const dates = caseworkDates(language);
  const name = (a: { nameEn: string | null; nameCy: string | null }) => (language === 'cy' ? a.nameCy : a.nameEn) ?? t('print-queue:notPlaced');
  const row = (l: (typeof page.areas)[number]['waiting'][number]) => ({
    letterId: l.letterId,
    complaintId: l.complaintId,
    reference: l.reference,
    kind: l.kind,
    stage: l.stage,
    approved: dates.moment(l.approvedAt),
    queued: dates.moment(l.queuedAt),
    printed: dates.moment(l.printedAt),
  });
  return data({
    title: title(t('print-queue:title')),
    areas: page.areas.map((a) => ({ key: a.id ?? 'none', name: name(a), waiting: a.waiting.map(row), printed: a.printed.map(row) })),
    areaChoices: page.areaChoices.map((a) => ({ value: a.id, label: language === 'cy' ? a.nameCy : a.nameEn })),
    chosenArea: page.chosenArea,
    maxBatch: page.maxBatch,
    reprintDays: page.reprintDays,
    problems,
    chosen: problems.length > 0 ? search.getAll('chosen') : [],
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

function LetterTable({
  caption,
  rows,
  when,
  chosen,
  firstId,
}: {
  caption: ReactNode;
  rows: ReturnType<typeof useLoaderData<typeof loader>>['areas'][number]['waiting'];
  when: 'queued' | 'printed';
  chosen: Set<string>;
  firstId: string | null;
}) {
  const { t } = useTranslation(['print-queue', 'casework']);
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            <span className="govuk-visually-hidden">{t('print-queue:columns.select')}</span>
          </th>
          <th scope="col" className="govuk-table__header">
            {t('print-queue:columns.reference')}
          </th>
          <th scope="col" className="govuk-table__header">
            {t('print-queue:columns.letter')}
          </th>
          <th scope="col" className="govuk-table__header">
            {t('print-queue:columns.approved')}
          </th>
          <th scope="col" className="govuk-table__header">
            {t(`print-queue:columns.${when}`)}
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r) => {
          const id = r.letterId === firstId ? CHOICE_ID : `letter-${r.letterId}`;
          const kind = t(`casework:letters.kinds.${r.kind}`);
          return (
            <tr key={r.letterId} className="govuk-table__row">
              <td className="govuk-table__cell">
                <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                  <div className="govuk-checkboxes__item">
                    <input className="govuk-checkboxes__input" id={id} name="letterIds" type="checkbox" value={r.letterId} defaultChecked={chosen.has(r.letterId)} />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                      <span className="govuk-visually-hidden">{t('print-queue:selectLetter', { letter: kind, reference: r.reference })}</span>
                    </label>
                  </div>
                </div>
              </td>
              <td className="govuk-table__cell">
                <ComplaintLink id={r.complaintId} reference={r.reference} />
              </td>
              <td className="govuk-table__cell">
                {kind} ({t('print-queue:stage', { stage: r.stage })})
              </td>
              <td className="govuk-table__cell">{r.approved ?? ''}</td>
              <td className="govuk-table__cell">{when === 'queued' ? r.queued : r.printed}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export default function PrintQueue() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation(['print-queue', 'common']);
  const problems = page.problems;
  const choiceError = problems.find((p) => p.field === CHOICE_ID)?.text;
  const chosen = new Set(page.chosen);
  const all = page.areas.flatMap((a) => [...a.waiting, ...a.printed]);
  const firstId = all[0]?.letterId ?? null;
  const waitingCount = page.areas.reduce((n, a) => n + a.waiting.length, 0);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={problems.map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <h1 className="govuk-heading-l">{t('print-queue:title')}</h1>
        <p className="govuk-body">{t('print-queue:lead')}</p>
        {page.areaChoices.length > 0 ? (
          <form method="get" action="/print-queue">
            <Select
              id="area"
              name="area"
              label={t('print-queue:filter.label')}
              value={page.chosenArea ?? ''}
              emptyOption={t('print-queue:filter.all')}
              options={[...page.areaChoices, { value: 'none', label: t('print-queue:filter.none') }]}
            />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t('print-queue:filter.apply')}
            </button>
          </form>
        ) : null}
        {waitingCount === 0 ? <p className="govuk-body govuk-!-font-weight-bold">{t('print-queue:empty')}</p> : null}
        {all.length > 0 ? (
          <form method="post" action={page.chosenArea ? `/print-queue/print?area=${encodeURIComponent(page.chosenArea)}` : '/print-queue/print'} noValidate>
            <div className={choiceError ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
              <fieldset className="govuk-fieldset" aria-describedby={choiceError ? 'letterIds-hint letterIds-error' : 'letterIds-hint'}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t('print-queue:chooseLegend')}</legend>
                <div id="letterIds-hint" className="govuk-hint">
                  {t('print-queue:howItPrints', { max: page.maxBatch })}
                </div>
                {choiceError ? <ErrorMessage id="letterIds-error" message={choiceError} prefix={t('common:errorTitlePrefix')} /> : null}
                {page.areas.map((area) => (
                  <div key={area.key}>
                    {area.waiting.length > 0 ? (
                      <LetterTable caption={t('print-queue:waitingCaption', { area: area.name })} rows={area.waiting} when="queued" chosen={chosen} firstId={firstId} />
                    ) : null}
                    {area.printed.length > 0 ? (
                      <>
                        <LetterTable caption={t('print-queue:printedCaption', { area: area.name, days: page.reprintDays })} rows={area.printed} when="printed" chosen={chosen} firstId={firstId} />
                        <p className="govuk-body govuk-hint">{t('print-queue:printedHint')}</p>
                      </>
                    ) : null}
                  </div>
                ))}
              </fieldset>
            </div>
            <SubmitButton preventDoubleClick={false}>{t('print-queue:submit')}</SubmitButton>
          </form>
        ) : (
          <p className="govuk-body">{t('print-queue:noneRecent', { days: page.reprintDays })}</p>
        )}
      </div>
    </div>
  );
}
