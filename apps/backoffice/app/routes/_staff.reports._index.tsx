import { can } from '@complaints/auth';
import { formatQuarter, londonDateOf, parseQuarter, quarterOf, reportScopeFromKey, reportScopeKey, shiftQuarter } from '@complaints/domain';
import { Select, Table } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireStaff } from '../auth.server';
import { accessPage } from '../components/access-page.server';
import { BarChart } from '../components/bar-chart';
import { caseworkDates, orRefuse } from '../components/casework-page.server';
import { quarterlyReportWords, reportScopeName } from '../components/report-words.server';

export const handle = { i18n: ['common', 'reports', 'annual-report'] };

const query = z.object({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/).optional().catch(undefined),
  scope: z.string().max(80).optional().catch(undefined),
});

/** How many quarters, back from the last complete one, the form offers. */
const QUARTERS_OFFERED = 8;

/**
 * The quarterly report of a quarter and a scope the person may read: each section's figures as
 * charts with a table and a sentence each, or a table alone where a chart would add nothing (the
 * words and figures from `quarterlyReportWords`, the same as the PDF's). The service decides who may read which scope and leaves out who
 * is complained about for those who may not see it.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { language, t, title } = await accessPage(request, context, 'reports');
  const asked = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const choices = await orRefuse(context.services.reports.reportScopes({ actor: user }), t);
  const lastComplete = shiftQuarter(quarterOf(londonDateOf(new Date())), -1);
  const quarter = asked.quarter ?? formatQuarter(lastComplete);
  const scope = asked.scope ?? reportScopeKey(choices[0]!.scope);
  const report = await orRefuse(context.services.reports.quarterlyReport({ actor: user, scope: reportScopeFromKey(scope), quarter, requestId: context.requestId }), t);
  const parsed = parseQuarter(report.quarter)!;
  const dates = caseworkDates(language);
  const chosen = choices.find((c) => reportScopeKey(c.scope) === reportScopeKey(report.scope));
  const words = quarterlyReportWords(report, { language, scopeName: chosen ? reportScopeName(chosen, language) : '' });
  const quarters = Array.from({ length: QUARTERS_OFFERED }, (_, i) => shiftQuarter(lastComplete, -i));
  if (!quarters.some((q) => formatQuarter(q) === report.quarter)) quarters.unshift(parsed);
  return data({
    title: title(t('title')),
    heading: words.heading,
    period: t('period', { from: dates.day(report.firstDay), to: dates.day(report.lastDay) }),
    quarter: report.quarter,
    scope: reportScopeKey(report.scope),
    quarterOptions: quarters.map((q) => ({ value: formatQuarter(q), label: t('quarterName', { quarter: q.quarter, year: q.year }) })),
    scopeOptions: choices.map((c) => ({ value: reportScopeKey(c.scope), label: reportScopeName(c, language) })),
    language,
    sections: words.sections,
    annualReport: can(user, 'manage_annual_report'),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function QuarterlyReportPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation(['reports', 'common']);
  const number = new Intl.NumberFormat(page.language === 'cy' ? 'cy-GB' : 'en-GB');
  const chosen = `quarter=${encodeURIComponent(page.quarter)}&scope=${encodeURIComponent(page.scope)}`;
  return (
    <>
      <h1 className="govuk-heading-l">{page.heading}</h1>
      <p className="govuk-body">{page.period}</p>
      <form method="get" action="/reports" noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select id="quarter" name="quarter" label={t('form.quarter')} labelSize="s" value={page.quarter} options={page.quarterOptions} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select id="scope" name="scope" label={t('form.scope')} labelSize="s" value={page.scope} options={page.scopeOptions} />
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t('form.show')}
        </button>
      </form>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={`/reports/csv?${chosen}`} download>
            {t('download')}
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`/reports/pdf?${chosen}`} download>
            {t('downloadPdf')}
          </a>
        </li>
      </ul>
      {page.annualReport ? (
        <p className="govuk-body">
          <a className="govuk-link" href="/reports/annual">
            {t('annual-report:quarterlyLink')}
          </a>
        </p>
      ) : null}
      {page.sections.map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`}>
          <h2 className="govuk-heading-m" id={`section-${section.key}`}>
            {section.heading}
          </h2>
          {section.empty ? <p className="govuk-body">{section.empty}</p> : null}
          {section.charts.map((chart) => (
            <div key={chart.id} className="govuk-!-margin-bottom-8" data-chart={chart.id}>
              {chart.summary && chart.table.rows.length > 0 ? <p className="govuk-body">{chart.summary}</p> : null}
              {chart.name && chart.bars.length > 0 ? (
                <BarChart
                  id={`chart-${chart.id}`}
                  name={chart.name}
                  bars={chart.bars}
                  format={(value) => (chart.percent ? `${number.format(value)}%` : number.format(value))}
                  fixedMax={chart.percent ? 100 : undefined}
                />
              ) : null}
              {chart.table.rows.length > 0 ? (
                <Table caption={chart.table.caption} captionSize="s" columns={chart.table.columns} rows={chart.table.rows} />
              ) : (
                <>
                  <h3 className="govuk-heading-s">{chart.table.caption}</h3>
                  <p className="govuk-body">{chart.empty}</p>
                </>
              )}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
