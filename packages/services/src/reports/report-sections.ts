import { LEARNING_LEVELS, OMBUDSMAN_FINDINGS, POINT_DECISIONS, SURVEY_QUESTIONS, parseQuarter } from '@complaints/domain';
import { translator } from '@complaints/i18n/server';
import type { QuarterlyReport } from './quarterly-report';
import type { ReportScopeChoice } from './report-scopes';

/**
 * The quarterly report in words, section by section: each figure in a table with a caption, most
 * tables with a bar chart of the same figures and a sentence saying what they show. The page at
 * /reports and the PDF are both made from this, so they carry the same figures in the same words.
 */

export type ReportBar = { label: string; value: number };
export type ReportColumn = { key: string; header: string; numeric?: boolean };
export type ReportTable = { caption: string; columns: ReportColumn[]; rows: Array<Record<string, string> & { _key: string }> };
export type ReportChart = {
  id: string;
  /** The chart's accessible name; null for a table that a chart would add nothing to. */
  name: string | null;
  /** One sentence saying what the figures show, or null where the caption says it all. */
  summary: string | null;
  bars: ReportBar[];
  /** The bars are percentages, on an axis to 100. */
  percent: boolean;
  table: ReportTable;
  /** Said instead of the table when it has no rows. */
  empty: string;
};
export type ReportSection = { key: string; heading: string; charts: ReportChart[]; empty: string | null };

export type ReportWords = {
  language: 'en' | 'cy';
  title: string;
  heading: string;
  quarterName: string;
  sections: ReportSection[];
};

type Row = ReportTable['rows'][number];

/** A scope in words: "The whole organisation", "Business area: North", "Service area: Leeds". */
export function reportScopeName(choice: ReportScopeChoice, language: 'en' | 'cy'): string {
  const t = translator(language, 'reports');
  const name = (language === 'cy' ? choice.nameCy : choice.nameEn) ?? '';
  return choice.scope.kind === 'organisation' ? t('scope.organisation') : t(`scope.${choice.scope.kind}`, { name });
}

/** The report's words and figures, in English or Welsh; `scopeName` is the scope as the person chose it ("Service area: Leeds"). */
export function quarterlyReportWords(report: QuarterlyReport, options: { language: 'en' | 'cy'; scopeName: string }): ReportWords {
  const { language } = options;
  const t = translator(language, 'reports');
  const quarterWords = (quarter: string) => {
    const parsed = parseQuarter(quarter)!;
    return t('quarterName', { quarter: parsed.quarter, year: parsed.year });
  };
  const quarterName = quarterWords(report.quarter);
  return {
    language,
    title: t('title'),
    heading: t('heading', { quarter: quarterName, scope: options.scopeName }),
    quarterName,
    sections: reportSections(report, language, quarterWords),
  };
}

function reportSections(report: QuarterlyReport, language: 'en' | 'cy', quarterWords: (quarter: string) => string): ReportSection[] {
  const t = translator(language, 'reports');
  const quarterName = quarterWords(report.quarter);
  const number = new Intl.NumberFormat(language === 'cy' ? 'cy-GB' : 'en-GB');
  const n = (value: number | null) => (value === null ? t('none') : number.format(value));
  const percent = (value: number | null) => (value === null ? t('none') : `${number.format(Math.round(value * 100))}%`);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const empty = t('tableEmpty');
  const barsTable = (caption: string, bars: ReportBar[], format: (value: number) => string = n): ReportTable => ({
    caption,
    columns: [
      { key: 'label', header: t('table.figure') },
      { key: 'value', header: t('table.number'), numeric: true },
    ],
    rows: bars.map((b) => ({ _key: b.label, label: b.label, value: format(b.value) })),
  });
  const tableOnly = (id: string, table: ReportTable, summary: string | null = null): ReportChart => ({ id, name: null, summary, bars: [], percent: false, table, empty });
  const quarterColumns: ReportColumn[] = report.trendQuarters.map((q) => ({ key: `q${q}`, header: quarterWords(q), numeric: true }));
  /** One row a thing over the four quarters, in the order first met. */
  const trendRows = <T extends { quarter: string }>(rows: readonly T[], key: (row: T) => string, cells: (row: T) => Record<string, string>, value: (row: T) => number): Row[] => {
    const out = new Map<string, Row>();
    for (const row of rows) {
      const k = key(row);
      if (!out.has(k)) out.set(k, { _key: k, ...cells(row), ...Object.fromEntries(report.trendQuarters.map((q) => [`q${q}`, n(0)])) });
      out.get(k)![`q${row.quarter}`] = n(value(row));
    }
    return [...out.values()];
  };
  const label = (key: string, labels: ReadonlyArray<{ key: string; labelEn: string; labelCy: string }>, fallback: string) => {
    const found = labels.find((l) => l.key === key);
    return found ? (language === 'cy' ? found.labelCy : found.labelEn) : fallback;
  };
  const categoryName = (key: string | null) => (key === null ? t('complainedAbout.noCategory') : label(key, report.complainedAbout.labels, key));

  // Throughput
  const total = report.throughput.total;
  const throughputBars: ReportBar[] = (['received', 'acknowledgedWithinWorkingDay', 'passedWithinWorkingDay', 'answered', 'closed', 'openAtEnd'] as const).map((key) => ({
    label: t(`throughput.figures.${key}`),
    value: total[key],
  }));
  const shareBars: ReportBar[] = [
    { label: t('throughput.shares.acknowledged'), value: Math.round((report.throughput.acknowledgedWithinWorkingDayShare ?? 0) * 100) },
    { label: t('throughput.shares.passed'), value: Math.round((report.throughput.passedWithinWorkingDayShare ?? 0) * 100) },
  ];
  const shareText = [percent(report.throughput.acknowledgedWithinWorkingDayShare), percent(report.throughput.passedWithinWorkingDayShare)];
  const figureKeys = ['received', 'acknowledgedWithinWorkingDay', 'passedWithinWorkingDay', 'answered', 'closed', 'openAtEnd'] as const;
  const throughput: ReportSection = {
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
        empty,
      },
      {
        id: 'throughput-shares',
        name: t('throughput.sharesChart', { quarter: quarterName }),
        summary: t('throughput.sharesSummary', { acknowledged: shareText[0], passed: shareText[1] }),
        bars: shareBars,
        percent: true,
        table: {
          ...barsTable(t('throughput.sharesCaption', { quarter: quarterName }), shareBars),
          rows: shareBars.map((b, i) => ({ _key: b.label, label: b.label, value: shareText[i]! })),
        },
        empty,
      },
      tableOnly('throughput-breakdown', {
        caption: t('throughput.breakdownCaption', { quarter: quarterName }),
        columns: [
          { key: 'kind', header: t('throughput.columns.kind') },
          { key: 'channel', header: t('throughput.columns.channel') },
          { key: 'stage', header: t('throughput.columns.stage'), numeric: true },
          ...figureKeys.map((key) => ({ key, header: t(`throughput.figures.${key}`), numeric: true })),
        ],
        rows: report.throughput.rows.map((row) => ({
          _key: `${row.kind}-${row.channel}-${row.stage}`,
          kind: t(`casework:kinds.${row.kind}`),
          channel: t(`casework:channels.${row.channel}`),
          stage: n(row.stage),
          ...Object.fromEntries(figureKeys.map((key) => [key, n(row[key])])),
        })),
      }),
    ],
  };

  // Timescales
  const overall = [...report.timescales.overall].sort((a, b) => a.stage - b.stage);
  const stageOne = overall.find((row) => row.stage === 1);
  const timescaleRow = (row: QuarterlyReport['timescales']['teams'][number], rowLabel: string): Row => ({
    _key: `${row.teamId ?? 'all'}-${row.stage}`,
    label: rowLabel,
    answered: n(row.answered),
    onTime: n(row.onTime),
    share: percent(row.onTimeShare),
    median: n(row.medianWorkingDays),
    percentile: n(row.percentile90WorkingDays),
    extended: n(row.extended),
    paused: n(row.paused),
    pausedDays: n(row.pausedWorkingDays),
  });
  const timescaleColumns = (first: string): ReportColumn[] => [
    { key: 'label', header: first },
    ...(['answered', 'onTime', 'share', 'median', 'percentile', 'extended', 'paused', 'pausedDays'] as const).map((key) => ({ key, header: t(`timescales.columns.${key}`), numeric: true })),
  ];
  const teamStage = (row: QuarterlyReport['timescales']['teams'][number]) => t('timescales.teamStage', { team: row.teamName ?? t('timescales.noTeam'), stage: row.stage });
  const timescales: ReportSection = {
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
              bars: overall.map((row) => ({ label: t('timescales.stage', { stage: row.stage }), value: Math.round((row.onTimeShare ?? 0) * 100) })),
              percent: true,
              table: {
                caption: t('timescales.caption', { quarter: quarterName }),
                columns: timescaleColumns(t('timescales.columns.stage')),
                rows: overall.map((row) => timescaleRow(row, t('timescales.stage', { stage: row.stage }))),
              },
              empty,
            },
            {
              id: 'timescales-teams',
              name: t('timescales.teamsChart', { quarter: quarterName }),
              summary: t('timescales.teamsSummary', { teams: n(new Set(report.timescales.teams.map((row) => row.teamId)).size) }),
              bars: report.timescales.teams.map((row) => ({ label: teamStage(row), value: Math.round((row.onTimeShare ?? 0) * 100) })),
              percent: true,
              table: {
                caption: t('timescales.teamsCaption', { quarter: quarterName }),
                columns: timescaleColumns(t('timescales.columns.team')),
                rows: report.timescales.teams.map((row) => timescaleRow(row, teamStage(row))),
              },
              empty,
            },
          ],
  };

  // What is complained about
  const decisions = report.complainedAbout.decisions;
  const decisionBars: ReportBar[] = POINT_DECISIONS.map((decision) => ({
    label: t(`complainedAbout.decisions.${decision}`),
    value: sum(decisions.filter((row) => row.decision === decision).map((row) => row.points)),
  }));
  const categoriesNow = report.complainedAbout.categories.filter((row) => row.quarter === report.quarter);
  const categoryBars: ReportBar[] = categoriesNow.map((row) => ({ label: categoryName(row.categoryKey), value: row.points }));
  const complainedAbout: ReportSection = {
    key: 'complained-about',
    heading: t('complainedAbout.heading'),
    empty: null,
    charts: [
      {
        id: 'categories',
        name: t('complainedAbout.categoriesChart', { quarter: quarterName }),
        summary: t('complainedAbout.categoriesSummary', {
          points: n(sum(categoriesNow.map((row) => row.points))),
          categories: n(categoriesNow.length),
          year: n(sum(report.complainedAbout.categories.map((row) => row.points))),
        }),
        bars: categoryBars,
        percent: false,
        table: {
          caption: t('complainedAbout.categoriesCaption', { from: quarterWords(report.trendQuarters[0]!), to: quarterName }),
          columns: [{ key: 'label', header: t('complainedAbout.category') }, ...quarterColumns],
          rows: trendRows(
            report.complainedAbout.categories,
            (row) => row.categoryKey ?? '',
            (row) => ({ label: categoryName(row.categoryKey) }),
            (row) => row.points,
          ),
        },
        empty,
      },
      {
        id: 'decisions',
        name: t('complainedAbout.chart', { quarter: quarterName }),
        summary: t('complainedAbout.summary', { points: n(sum(decisionBars.map((b) => b.value))), upheld: n(decisionBars[0]!.value + decisionBars[1]!.value) }),
        bars: decisionBars,
        percent: false,
        table: barsTable(t('complainedAbout.caption', { quarter: quarterName }), decisionBars),
        empty,
      },
      tableOnly('decisions-detail', {
        caption: t('complainedAbout.detailCaption', { quarter: quarterName }),
        columns: [
          { key: 'stage', header: t('complainedAbout.stage'), numeric: true },
          { key: 'category', header: t('complainedAbout.category') },
          { key: 'decision', header: t('complainedAbout.decision') },
          { key: 'points', header: t('people.points'), numeric: true },
        ],
        rows: decisions.map((row) => ({
          _key: `${row.stage}-${row.categoryKey ?? ''}-${row.decision}`,
          stage: n(row.stage),
          category: categoryName(row.categoryKey),
          decision: t(`complainedAbout.decisions.${row.decision}`),
          points: n(row.points),
        })),
      }),
    ],
  };

  const result = [throughput, timescales, complainedAbout];

  // Who is complained about
  if (report.people !== null) {
    const people = report.people;
    const practitioners = people.practitioners.filter((row) => row.quarter === report.quarter).sort((a, b) => b.points - a.points || a.practitionerName.localeCompare(b.practitionerName));
    const teams = people.teams.filter((row) => row.quarter === report.quarter).sort((a, b) => b.complaints - a.complaints || a.teamName.localeCompare(b.teamName));
    const teamBars: ReportBar[] = teams.map((row) => ({ label: row.teamName, value: row.complaints }));
    const range = { from: quarterWords(report.trendQuarters[0]!), to: quarterName };
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
                summary: t('people.practitionersSummary', { points: n(sum(practitioners.map((row) => row.points))), practitioners: n(practitioners.length) }),
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
                empty,
              },
            ]),
        ...(teams.length === 0
          ? []
          : [
              {
                id: 'teams',
                name: t('people.teamsChart', { quarter: quarterName }),
                summary: t('people.teamsSummary', { teams: n(teams.length), complaints: n(sum(teams.map((row) => row.complaints))) }),
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
                empty,
              },
            ]),
        tableOnly('practitioners-trend', {
          caption: t('people.practitionersTrendCaption', range),
          columns: [{ key: 'label', header: t('people.practitioner') }, { key: 'team', header: t('people.team') }, ...quarterColumns],
          rows: trendRows(
            [...people.practitioners].sort((a, b) => a.practitionerName.localeCompare(b.practitionerName)),
            (row) => row.practitionerId,
            (row) => ({ label: row.practitionerName, team: row.teamName }),
            (row) => row.points,
          ),
        }),
        tableOnly('teams-trend', {
          caption: t('people.teamsTrendCaption', range),
          columns: [{ key: 'label', header: t('people.team') }, ...quarterColumns],
          rows: trendRows(
            [...people.teams].sort((a, b) => a.teamName.localeCompare(b.teamName)),
            (row) => row.teamId,
            (row) => ({ label: row.teamName }),
            (row) => row.complaints,
          ),
        }),
        tableOnly('review-grades', {
          caption: t('people.gradesCaption', range),
          columns: [
            { key: 'quarter', header: t('people.quarter') },
            { key: 'label', header: t('people.practitioner') },
            { key: 'team', header: t('people.team') },
            { key: 'grade', header: t('people.grade') },
            { key: 'value', header: t('people.reviews'), numeric: true },
          ],
          rows: people.reviewGrades.map((row, i) => ({
            _key: `${row.quarter}-${row.practitionerId ?? ''}-${row.teamId ?? ''}-${row.grade ?? ''}-${i}`,
            quarter: quarterWords(row.quarter),
            label: row.practitionerName ?? t('people.nobody'),
            team: row.teamName ?? t('people.nobody'),
            grade: row.grade === null ? t('people.noGrade') : label(row.grade, people.gradeLabels, row.grade),
            value: n(row.reviews),
          })),
        }),
      ],
    });
  }

  // Learning and what complainants told us
  const views = report.learningAndViews;
  const learningBars: ReportBar[] = LEARNING_LEVELS.map((level) => ({
    label: t(`learning.levels.${level}`),
    value: sum(views.learning.filter((row) => row.level === level).map((row) => row.points)),
  }));
  const referred = sum(views.ombudsmanReferrals.map((row) => row.referred));
  const surveyBars: ReportBar[] = [
    { label: t('learning.survey.invited'), value: views.surveysInvited },
    { label: t('learning.survey.answered'), value: views.surveysAnswered },
  ];
  const ratingKeys = [...new Set(views.ratings.map((row) => row.rating))].sort();
  const questions = [...SURVEY_QUESTIONS.filter((q) => views.ratings.some((row) => row.question === q)), ...new Set(views.ratings.map((row) => row.question).filter((q) => !(SURVEY_QUESTIONS as readonly string[]).includes(q)))];
  const ombudsmen = [...new Set([...views.ombudsmanReferrals.map((row) => row.ombudsman), ...views.ombudsmanFindings.map((row) => row.ombudsman)])];
  result.push({
    key: 'learning',
    heading: t('learning.heading'),
    empty: null,
    charts: [
      {
        id: 'learning',
        name: t('learning.chart', { quarter: quarterName }),
        summary: t('learning.summary', {
          learning: n(sum(learningBars.map((b) => b.value))),
          answered: n(views.surveysAnswered),
          invited: n(views.surveysInvited),
          referred: n(referred),
        }),
        bars: learningBars,
        percent: false,
        table: barsTable(t('learning.caption', { quarter: quarterName }), learningBars),
        empty,
      },
      tableOnly('learning-detail', {
        caption: t('learning.detailCaption', { quarter: quarterName }),
        columns: [
          { key: 'level', header: t('learning.columns.level') },
          { key: 'source', header: t('learning.columns.source') },
          { key: 'status', header: t('learning.columns.status') },
          { key: 'value', header: t('learning.columns.points'), numeric: true },
        ],
        rows: views.learning.map((row) => ({
          _key: `${row.level}-${row.sourceKind}-${row.status}`,
          level: t(`learning.levels.${row.level}`),
          source: t(`learning:sources.${row.sourceKind}`),
          status: t(`learning:statuses.${row.status}`),
          value: n(row.points),
        })),
      }),
      tableOnly('survey', barsTable(t('learning.survey.caption', { quarter: quarterName }), surveyBars)),
      tableOnly('survey-ratings', {
        caption: t('learning.survey.ratingsCaption', { quarter: quarterName }),
        columns: [
          { key: 'label', header: t('learning.survey.question') },
          ...ratingKeys.map((rating) => ({ key: `r${rating}`, header: t(`tracking:survey.scale.${rating}`, { defaultValue: rating }), numeric: true })),
        ],
        rows: questions.map((question) => ({
          _key: question,
          label: t(`tracking:survey.questions.${question}`, { defaultValue: question }),
          ...Object.fromEntries(ratingKeys.map((rating) => [`r${rating}`, n(sum(views.ratings.filter((row) => row.question === question && row.rating === rating).map((row) => row.answers)))])),
        })),
      }),
      tableOnly('ombudsman', {
        caption: t('learning.ombudsman.caption', { quarter: quarterName }),
        columns: [
          { key: 'label', header: t('learning.ombudsman.ombudsman') },
          { key: 'referred', header: t('learning.ombudsman.referred'), numeric: true },
          ...OMBUDSMAN_FINDINGS.map((finding) => ({ key: finding, header: t(`ombudsman:findings.${finding}`), numeric: true })),
        ],
        rows: ombudsmen.map((ombudsman) => ({
          _key: ombudsman,
          label: t(`learning.ombudsman.names.${ombudsman}`),
          referred: n(sum(views.ombudsmanReferrals.filter((row) => row.ombudsman === ombudsman).map((row) => row.referred))),
          ...Object.fromEntries(
            OMBUDSMAN_FINDINGS.map((finding) => [finding, n(sum(views.ombudsmanFindings.filter((row) => row.ombudsman === ombudsman && row.finding === finding).map((row) => row.findings)))]),
          ),
        })),
      }),
    ],
  });
  return result;
}
