import { can } from '@complaints/auth';
import { formatQuarter, LEARNING_LEVELS, londonDateOf, parseQuarter, POINT_DECISIONS, quarterOf, reportScopeFromKey, reportScopeKey, shiftQuarter } from '@complaints/domain';
import type { QuarterlyReport, ReportScopeChoice } from '@complaints/services';
import { Select, Table } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireStaff } from '../auth.server';
import { accessPage } from '../components/access-page.server';
import { BarChart, type Bar } from '../components/bar-chart';
import { caseworkDates, orRefuse } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'reports', 'annual-report'] };

const query = z.object({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/).optional().catch(undefined),
  scope: z.string().max(80).optional().catch(undefined),
});

/** How many quarters, back from the last complete one, the form offers. */
const QUARTERS_OFFERED = 8;

function scopeName(t: TFunction, choice: ReportScopeChoice, language: 'en' | 'cy'): string {
  const name = (language === 'cy' ? choice.nameCy : choice.nameEn) ?? '';
  return choice.scope.kind === 'organisation' ? t('scope.organisation') : t(`scope.${choice.scope.kind}`, { name });
}

type Column = { key: string; header: string; numeric?: boolean };
type Chart = {
  id: string;
  name: string;
  summary: string;
  bars: Bar[];
  percent: boolean;
  table: { caption: string; columns: Column[]; rows: Array<Record<string, string> & { _key: string }> };
};
type Section = { key: string; heading: string; charts: Chart[]; empty: string | null };

function sections(t: TFunction, report: QuarterlyReport, language: 'en' | 'cy', quarterName: string): Section[] {
  const number = new Intl.NumberFormat(language === 'cy' ? 'cy-GB' : 'en-GB');
  const n = (value: number | null) => (value === null ? t('none') : number.format(value));
  const percent = (value: number | null) => (value === null ? t('none') : `${number.format(Math.round(value * 100))}%`);
  const figure = t('table.figure');
  const count = t('table.number');
  const barsTable = (caption: string, bars: Bar[]) => ({
    caption,
    columns: [
      { key: 'label', header: figure },
      { key: 'value', header: count, numeric: true },
    ],
    rows: bars.map((b) => ({ _key: b.label, label: b.label, value: n(b.value) })),
  });

  const total = report.throughput.total;
  const throughputBars: Bar[] = (['received', 'acknowledgedWithinWorkingDay', 'passedWithinWorkingDay', 'answered', 'closed', 'openAtEnd'] as const).map((key) => ({
    label: t(`throughput.figures.${key}`),
    value: total[key],
  }));
  const throughput: Section = {
    key: 'throughput',
    heading: t('throughput.heading'),
    empty: null,
    charts: [
      {
        id: 'throughput',
        name: t('throughput.chart', { quarter: quarterName }),
        summary: t('throughput.summary', {
          received: n(total.received),
          answered: n(total.answered),
          open: n(total.openAtEnd),
          acknowledged: percent(report.throughput.acknowledgedWithinWorkingDayShare),
        }),
        bars: throughputBars,
        percent: false,
        table: barsTable(t('throughput.caption', { quarter: quarterName }), throughputBars),
      },
    ],
  };

  const overall = [...report.timescales.overall].sort((a, b) => a.stage - b.stage);
  const onTimeBars: Bar[] = overall.map((row) => ({ label: t('timescales.stage', { stage: row.stage }), value: Math.round((row.onTimeShare ?? 0) * 100) }));
  const stageOne = overall.find((row) => row.stage === 1);
  const timescaleRow = (row: QuarterlyReport['timescales']['teams'][number], label: string) => ({
    _key: `${row.teamId ?? 'all'}-${row.stage}`,
    label,
    answered: n(row.answered),
    onTime: n(row.onTime),
    share: percent(row.onTimeShare),
    median: n(row.medianWorkingDays),
    percentile: n(row.percentile90WorkingDays),
    extended: n(row.extended),
    paused: n(row.paused),
  });
  const timescaleColumns = (first: string): Column[] => [
    { key: 'label', header: first },
    { key: 'answered', header: t('timescales.columns.answered'), numeric: true },
    { key: 'onTime', header: t('timescales.columns.onTime'), numeric: true },
    { key: 'share', header: t('timescales.columns.share'), numeric: true },
    { key: 'median', header: t('timescales.columns.median'), numeric: true },
    { key: 'percentile', header: t('timescales.columns.percentile'), numeric: true },
    { key: 'extended', header: t('timescales.columns.extended'), numeric: true },
    { key: 'paused', header: t('timescales.columns.paused'), numeric: true },
  ];
  const timescales: Section = {
    key: 'timescales',
    heading: t('timescales.heading'),
    empty: overall.length === 0 ? t('timescales.empty') : null,
    charts:
      overall.length === 0
        ? []
        : [
            {
              id: 'timescales',
              name: t('timescales.chart', { quarter: quarterName }),
              summary: stageOne
                ? t('timescales.summary', { answered: n(stageOne.answered), onTime: n(stageOne.onTime), share: percent(stageOne.onTimeShare) })
                : t('timescales.summaryNoStageOne'),
              bars: onTimeBars,
              percent: true,
              table: {
                caption: t('timescales.caption', { quarter: quarterName }),
                columns: timescaleColumns(t('timescales.columns.stage')),
                rows: overall.map((row) => timescaleRow(row, t('timescales.stage', { stage: row.stage }))),
              },
            },
            {
              id: 'timescales-teams',
              name: t('timescales.teamsChart', { quarter: quarterName }),
              summary: t('timescales.teamsSummary', { teams: n(new Set(report.timescales.teams.map((row) => row.teamId)).size) }),
              bars: report.timescales.teams.map((row) => ({
                label: t('timescales.teamStage', { team: row.teamName ?? t('timescales.noTeam'), stage: row.stage }),
                value: Math.round((row.onTimeShare ?? 0) * 100),
              })),
              percent: true,
              table: {
                caption: t('timescales.teamsCaption', { quarter: quarterName }),
                columns: timescaleColumns(t('timescales.columns.team')),
                rows: report.timescales.teams.map((row) => timescaleRow(row, t('timescales.teamStage', { team: row.teamName ?? t('timescales.noTeam'), stage: row.stage }))),
              },
            },
          ],
  };

  const decisionBars: Bar[] = POINT_DECISIONS.map((decision) => ({
    label: t(`complainedAbout.decisions.${decision}`),
    value: report.complainedAbout.decisions.filter((row) => row.decision === decision).reduce((sum, row) => sum + row.points, 0),
  }));
  const answeredPoints = decisionBars.reduce((sum, bar) => sum + bar.value, 0);
  const upheld = decisionBars[0]!.value + decisionBars[1]!.value;
  const complainedAbout: Section = {
    key: 'complained-about',
    heading: t('complainedAbout.heading'),
    empty: null,
    charts: [
      {
        id: 'decisions',
        name: t('complainedAbout.chart', { quarter: quarterName }),
        summary: t('complainedAbout.summary', { points: n(answeredPoints), upheld: n(upheld) }),
        bars: decisionBars,
        percent: false,
        table: barsTable(t('complainedAbout.caption', { quarter: quarterName }), decisionBars),
      },
    ],
  };

  const result = [throughput, timescales, complainedAbout];

  if (report.people !== null) {
    const practitioners = report.people.practitioners.filter((row) => row.quarter === report.quarter).sort((a, b) => b.points - a.points || a.practitionerName.localeCompare(b.practitionerName));
    const teams = report.people.teams.filter((row) => row.quarter === report.quarter).sort((a, b) => b.complaints - a.complaints || a.teamName.localeCompare(b.teamName));
    const teamBars: Bar[] = teams.map((row) => ({ label: row.teamName, value: row.complaints }));
    const points = practitioners.reduce((sum, row) => sum + row.points, 0);
    result.push({
      key: 'people',
      heading: t('people.heading'),
      empty: practitioners.length === 0 && teams.length === 0 ? t('people.empty') : null,
      charts: [
        ...(practitioners.length === 0
          ? []
          : [
              {
                id: 'practitioners',
                name: t('people.practitionersChart', { quarter: quarterName }),
                summary: t('people.practitionersSummary', { points: n(points), practitioners: n(practitioners.length) }),
                bars: practitioners.map((row) => ({ label: row.practitionerName, value: row.points })),
                percent: false,
                table: {
                  caption: t('people.practitionersCaption', { quarter: quarterName }),
                  columns: [
                    { key: 'label', header: t('people.practitioner') },
                    { key: 'team', header: t('people.team') },
                    { key: 'value', header: t('people.points'), numeric: true },
                  ],
                  rows: practitioners.map((row) => ({ _key: row.practitionerId, label: row.practitionerName, team: row.teamName, value: n(row.points) })),
                },
              },
            ]),
        ...(teams.length === 0
          ? []
          : [
              {
                id: 'teams',
                name: t('people.teamsChart', { quarter: quarterName }),
                summary: t('people.teamsSummary', { teams: n(teams.length), complaints: n(teams.reduce((sum, row) => sum + row.complaints, 0)) }),
                bars: teamBars,
                percent: false,
                table: {
                  caption: t('people.teamsCaption', { quarter: quarterName }),
                  columns: [
                    { key: 'label', header: t('people.team') },
                    { key: 'value', header: t('people.complaints'), numeric: true },
                  ],
                  rows: teams.map((row) => ({ _key: row.teamId, label: row.teamName, value: n(row.complaints) })),
                },
              },
            ]),
      ],
    });
  }

  const views = report.learningAndViews;
  const learningBars: Bar[] = LEARNING_LEVELS.map((level) => ({
    label: t(`learning.levels.${level}`),
    value: views.learning.filter((row) => row.level === level).reduce((sum, row) => sum + row.points, 0),
  }));
  const learningTotal = learningBars.reduce((sum, bar) => sum + bar.value, 0);
  const referred = views.ombudsmanReferrals.reduce((sum, row) => sum + row.referred, 0);
  result.push({
    key: 'learning',
    heading: t('learning.heading'),
    empty: null,
    charts: [
      {
        id: 'learning',
        name: t('learning.chart', { quarter: quarterName }),
        summary: t('learning.summary', {
          learning: n(learningTotal),
          answered: n(views.surveysAnswered),
          invited: n(views.surveysInvited),
          referred: n(referred),
        }),
        bars: learningBars,
        percent: false,
        table: barsTable(t('learning.caption', { quarter: quarterName }), learningBars),
      },
    ],
  });
  return result;
}

/**
 * The quarterly report of a quarter and a scope the person may read: each section's figures as a
 * chart, a table and a sentence. The service decides who may read which scope and leaves out who
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
  const quarterName = t('quarterName', { quarter: parsed.quarter, year: parsed.year });
  const dates = caseworkDates(language);
  const chosen = choices.find((c) => reportScopeKey(c.scope) === reportScopeKey(report.scope));
  const scopeWords = chosen ? scopeName(t, chosen, language) : '';
  const quarters = Array.from({ length: QUARTERS_OFFERED }, (_, i) => shiftQuarter(lastComplete, -i));
  if (!quarters.some((q) => formatQuarter(q) === report.quarter)) quarters.unshift(parsed);
  return data({
    title: title(t('title')),
    heading: t('heading', { quarter: quarterName, scope: scopeWords }),
    period: t('period', { from: dates.day(report.firstDay), to: dates.day(report.lastDay) }),
    quarter: report.quarter,
    scope: reportScopeKey(report.scope),
    quarterOptions: quarters.map((q) => ({ value: formatQuarter(q), label: t('quarterName', { quarter: q.quarter, year: q.year }) })),
    scopeOptions: choices.map((c) => ({ value: reportScopeKey(c.scope), label: scopeName(t, c, language) })),
    language,
    sections: sections(t, report, language, quarterName),
    annualReport: can(user, 'manage_annual_report'),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function QuarterlyReportPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation(['reports', 'common']);
  const number = new Intl.NumberFormat(page.language === 'cy' ? 'cy-GB' : 'en-GB');
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
      <p className="govuk-body">
        <a className="govuk-link" href={`/reports/csv?quarter=${encodeURIComponent(page.quarter)}&scope=${encodeURIComponent(page.scope)}`} download>
          {t('download')}
        </a>
      </p>
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
              <p className="govuk-body">{chart.summary}</p>
              <BarChart
                id={`chart-${chart.id}`}
                name={chart.name}
                bars={chart.bars}
                format={(value) => (chart.percent ? `${number.format(value)}%` : number.format(value))}
                fixedMax={chart.percent ? 100 : undefined}
              />
              <Table caption={chart.table.caption} captionSize="s" columns={chart.table.columns} rows={chart.table.rows} />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
