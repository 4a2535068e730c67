import { DASHBOARD_PERIODS, parseDashboardPeriod, RAG_STATUSES } from '@complaints/domain';
import { Pagination, Select, Table, Tag } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { caseworkDates, caseworkPage, orRefuse } from '../components/casework-page.server';
import { ComplaintLink } from '../components/casework-tags';

export const handle = { i18n: ['common', 'casework'] };

/**
 * The warnings across a person's queues, and whether each complaint received lately reached its
 * manager within the working day of receipt.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { t, title, language, caseworkRequest } = await caseworkPage(request, context);
  const params = new URL(request.url).searchParams;
  const period = parseDashboardPeriod(params.get('period'));
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const dashboard = await orRefuse(context.services.casework.viewDashboard(caseworkRequest, { period, page: Number.isFinite(page) ? page : 1 }), t);
  const dates = caseworkDates(language);
  return data({
    title: title(t('dashboard.title')),
    period,
    from: dates.day(dashboard.from),
    queues: dashboard.queues,
    passed: dashboard.passedToManager,
    page: dashboard.page,
    pages: dashboard.pages,
    rows: dashboard.rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      received: dates.day(r.receivedOn),
      dueBy: dates.day(r.passToManagerDueOn),
      reached: dates.day(r.assignedOn),
      manager: r.responderName,
      outcome: r.outcome,
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const OUTCOME_COLOURS = { in_time: 'green', late: 'red', waiting: 'blue' } as const;

export default function DashboardPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation(['casework', 'common']);
  const link = (queue: string, rag: string | null) => `/queues/${queue}${rag ? `?rag=${rag}` : ''}`;
  return (
    <>
      <h1 className="govuk-heading-l">{t('dashboard.title')}</h1>
      {page.queues.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">{t('dashboard.warningsHeading')}</h2>
          <Table
            caption={t('dashboard.warningsCaption')}
            captionSize="s"
            columns={[
              { key: 'queue', header: t('dashboard.queue') },
              { key: 'red', header: t('dashboard.overdue'), numeric: true },
              { key: 'amber', header: t('dashboard.dueSoon'), numeric: true },
              { key: 'green', header: t('dashboard.onTime'), numeric: true },
              { key: 'none', header: t('dashboard.nothingDue'), numeric: true },
              { key: 'total', header: t('dashboard.total'), numeric: true },
            ]}
            rows={page.queues.map(({ queue, counts }) => ({
              _key: queue,
              queue: (
                <a className="govuk-link" href={link(queue, null)}>
                  {t(`queues.title.${queue}`)}
                </a>
              ),
              ...Object.fromEntries(
                RAG_STATUSES.map((rag) => [
                  rag,
                  <a key={rag} className="govuk-link" href={link(queue, rag)}>
                    {counts[rag]}
                    <span className="govuk-visually-hidden"> {t(`rag.${rag}`)}</span>
                  </a>,
                ]),
              ),
              none: counts.noDueDate,
              total: counts.red + counts.amber + counts.green + counts.noDueDate,
            }))}
          />
        </>
      ) : null}

      <h2 className="govuk-heading-m">{t('dashboard.passedHeading')}</h2>
      <p className="govuk-body">{t('dashboard.passedLead')}</p>
      <form method="get" action="/dashboard">
        <Select
          id="period"
          name="period"
          label={t('dashboard.period')}
          value={String(page.period)}
          options={DASHBOARD_PERIODS.map((p) => ({ value: String(p), label: t(`dashboard.periods.${p}`) }))}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t('dashboard.show')}
        </button>
      </form>
      <p className="govuk-body govuk-!-font-weight-bold">{t('dashboard.summary', page.passed)}</p>
      {page.rows.length === 0 ? (
        <p className="govuk-body">{t('dashboard.empty')}</p>
      ) : (
        <Table
          caption={t('dashboard.caption', { from: page.from, page: page.page, pages: page.pages })}
          captionSize="s"
          columns={[
            { key: 'reference', header: t('dashboard.columns.reference') },
            { key: 'received', header: t('dashboard.columns.received') },
            { key: 'dueBy', header: t('dashboard.columns.dueBy') },
            { key: 'reached', header: t('dashboard.columns.reached') },
            { key: 'manager', header: t('dashboard.columns.manager') },
            { key: 'outcome', header: t('dashboard.columns.outcome') },
          ]}
          rows={page.rows.map((r) => ({
            _key: r.id,
            reference: <ComplaintLink id={r.id} reference={r.reference} />,
            received: r.received,
            dueBy: r.dueBy,
            reached: r.reached ?? t('dashboard.notReached'),
            manager: r.manager ?? '',
            outcome: <Tag colour={OUTCOME_COLOURS[r.outcome]}>{t(`passedToManager.${r.outcome}`)}</Tag>,
          }))}
        />
      )}
      {page.pages > 1 ? (
        <Pagination
          label={t('dashboard.pagination')}
          {...(page.page > 1 ? { previous: { href: `/dashboard?period=${page.period}&page=${page.page - 1}`, text: t('queues.previous') } } : {})}
          {...(page.page < page.pages ? { next: { href: `/dashboard?period=${page.period}&page=${page.page + 1}`, text: t('queues.next') } } : {})}
        />
      ) : null}
    </>
  );
}
