import { parseSearchPage } from '@complaints/domain';
import { ErrorSummary, Pagination, Table, TextInput } from '@complaints/ui';
import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { markFormErrors } from '../components/access-page.server';
import { caseworkDates, caseworkPage, orRefuse } from '../components/casework-page.server';
import { ComplaintLink, RagTag, StateTag } from '../components/casework-tags';

export const handle = { i18n: ['common', 'casework', 'search'] };

const searchParams = z.object({
  q: z.string().catch(''),
  page: z.string().nullable().catch(null),
});

/**
 * Finding a complaint (the header's box posts here with GET): a reference of a complaint the
 * person may see goes straight to it; anything else lists what matches, best first, 25 a page.
 * What cannot be searched for comes back here with the reason and what was typed.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const { q, page } = searchParams.parse({ q: params.get('q') ?? '', page: params.get('page') });
  const { t, title, language, caseworkRequest } = await caseworkPage(request, context, { capability: 'search_complaints' });
  const outcome = await orRefuse(context.services.search.searchComplaints(caseworkRequest, { text: q, page: parseSearchPage(page) }), t);
  if (outcome.kind === 'found') throw redirect(`/complaints/${outcome.complaintId}`);
  if (outcome.kind === 'problem') markFormErrors(context);
  const dates = caseworkDates(language);
  const body = {
    title: title(t(outcome.kind === 'results' ? 'search:resultsTitle' : 'search:title')),
    typed: q,
    problem: outcome.kind === 'problem' ? outcome.problem : null,
    results:
      outcome.kind === 'results'
        ? {
            searchedAs: outcome.searchedAs,
            total: outcome.total,
            page: outcome.page,
            pages: outcome.pages,
            rows: outcome.rows.map((r) => ({
              id: r.id,
              reference: r.reference,
              kind: r.kind,
              received: dates.day(r.receivedOn),
              from: r.complainantName,
              area: [language === 'cy' ? r.serviceAreaNameCy : r.serviceAreaNameEn, language === 'cy' ? r.teamNameCy : r.teamNameEn].filter(Boolean).join(', '),
              state: r.state,
              stage: r.stage,
              due: dates.day(r.currentDueOn),
              rag: r.rag,
            })),
          }
        : null,
  };
  return data(body, outcome.kind === 'problem' ? { status: 400 } : undefined);
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function SearchPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation(['search', 'casework', 'common']);
  const error = page.problem ? t(`search:problems.${page.problem}`) : undefined;
  const results = page.results;
  const href = (n: number) => `/search?${new URLSearchParams({ q: page.typed, page: String(n) })}`;
  const pageLinks = results
    ? Array.from({ length: results.pages }, (_, i) => i + 1)
        .filter((n) => n === 1 || n === results.pages || Math.abs(n - results.page) <= 2)
        .map((n) => ({ number: n, href: href(n), current: n === results.page }))
    : [];
  return (
    <>
      <ErrorSummary title={t('common:errorSummaryTitle')} errors={error ? [{ href: '#q', text: error }] : []} />
      <h1 className="govuk-heading-l">{t(results ? 'search:resultsTitle' : 'search:title')}</h1>
      <p className="govuk-body">{t('search:lead')}</p>
      <form method="get" action="/search" noValidate>
        <TextInput
          id="q"
          name="q"
          label={t('search:field.label')}
          hint={t('search:field.hint')}
          defaultValue={page.typed}
          error={error}
          errorPrefix={t('common:errorTitlePrefix')}
          autoComplete="off"
          spellCheck={false}
          widthClass="govuk-!-width-two-thirds"
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t('search:button')}
        </button>
      </form>

      {results ? (
        <>
          <p className="govuk-body">{t(`search:searchedAs.${results.searchedAs}`)}</p>
          {results.rows.length === 0 ? (
            <p className="govuk-body">{t('search:none')}</p>
          ) : (
            <Table
              caption={results.total === 1 ? t('search:captionOne') : t('search:caption', { total: results.total, page: results.page, pages: results.pages })}
              captionSize="s"
              columns={[
                { key: 'reference', header: t('casework:queues.columns.reference') },
                { key: 'from', header: t('casework:queues.columns.from') },
                { key: 'received', header: t('casework:queues.columns.received') },
                { key: 'area', header: t('casework:queues.columns.area') },
                { key: 'state', header: t('casework:queues.columns.state') },
                { key: 'due', header: t('casework:queues.columns.due') },
                { key: 'warning', header: t('casework:queues.columns.warning') },
              ]}
              rows={results.rows.map((r) => ({
                _key: r.id,
                reference: <ComplaintLink id={r.id} reference={r.reference} />,
                from: (
                  <>
                    {r.from}
                    {r.kind !== 'complaint' ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{t(`casework:kinds.${r.kind}`)}</span> : null}
                  </>
                ),
                received: r.received,
                area: r.area || t('casework:queues.notPlaced'),
                state: (
                  <>
                    <StateTag state={r.state} /> <span className="govuk-body-s">{t('casework:stage', { stage: r.stage })}</span>
                  </>
                ),
                due: r.due ?? t('casework:queues.nothingDue'),
                warning: <RagTag rag={r.rag} />,
              }))}
            />
          )}
          {results.pages > 1 ? (
            <Pagination
              label={t('search:pagination')}
              pages={pageLinks}
              {...(results.page > 1 ? { previous: { href: href(results.page - 1), text: t('search:previous') } } : {})}
              {...(results.page < results.pages ? { next: { href: href(results.page + 1), text: t('search:next') } } : {})}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
