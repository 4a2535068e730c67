import type { StaffActor } from '@complaints/auth';
import type { ReportScope } from '@complaints/domain';
import { csvCell } from '../access/export-audit-log';
import type { ReportDependencies } from './quarterly-report';
import { type QuarterlyReport, readQuarterlyReport } from './quarterly-report';

type Line = { section: string; quarter: string; group: Record<string, string | number | null>; measure: string; value: number | null };

/** One line a figure: which section, which quarter, which group ("kind=complaint; stage=1"), which measure, the figure. */
function lines(report: QuarterlyReport): Line[] {
  const q = report.quarter;
  const out: Line[] = [];
  const add = (section: string, quarter: string, group: Line['group'], figures: Record<string, number | null>) => {
    for (const [measure, value] of Object.entries(figures)) out.push({ section, quarter, group, measure, value });
  };
  for (const { kind, channel, stage, ...figures } of report.throughput.rows) add('throughput', q, { kind, channel, stage }, figures);
  add('throughput', q, {}, report.throughput.total);
  add('throughput', q, {}, {
    acknowledgedWithinWorkingDayShare: report.throughput.acknowledgedWithinWorkingDayShare,
    passedWithinWorkingDayShare: report.throughput.passedWithinWorkingDayShare,
  });
  const timescales = (row: QuarterlyReport['timescales']['teams'][number]) => ({
    answered: row.answered,
    onTime: row.onTime,
    onTimeShare: row.onTimeShare,
    medianWorkingDays: row.medianWorkingDays,
    percentile90WorkingDays: row.percentile90WorkingDays,
    extended: row.extended,
    paused: row.paused,
    pausedWorkingDays: row.pausedWorkingDays,
  });
  for (const row of report.timescales.teams) add('timescales', q, { team: row.teamName ?? '', stage: row.stage }, timescales(row));
  for (const row of report.timescales.overall) add('timescales', q, { stage: row.stage }, timescales(row));
  for (const row of report.complainedAbout.categories) add('categories', row.quarter, { category: row.categoryKey }, { points: row.points });
  for (const row of report.complainedAbout.decisions) add('decisions', q, { stage: row.stage, category: row.categoryKey, decision: row.decision }, { points: row.points });
  if (report.people !== null) {
    for (const row of report.people.practitioners) add('practitioners', row.quarter, { practitioner: row.practitionerName, team: row.teamName }, { points: row.points });
    for (const row of report.people.teams) add('teams', row.quarter, { team: row.teamName }, { complaints: row.complaints });
    for (const row of report.people.reviewGrades) add('review_grades', row.quarter, { practitioner: row.practitionerId, team: row.teamId, grade: row.grade }, { reviews: row.reviews });
  }
  const views = report.learningAndViews;
  for (const row of views.learning) add('learning', q, { level: row.level, source: row.sourceKind, status: row.status }, { points: row.points });
  add('survey', q, {}, { invited: views.surveysInvited, answered: views.surveysAnswered });
  for (const row of views.ratings) add('survey', q, { question: row.question, rating: row.rating }, { answers: row.answers });
  for (const row of views.ombudsmanReferrals) add('ombudsman', q, { ombudsman: row.ombudsman }, { referred: row.referred });
  for (const row of views.ombudsmanFindings) add('ombudsman', q, { ombudsman: row.ombudsman, finding: row.finding }, { findings: row.findings });
  return out;
}

function groupText(group: Line['group']): string {
  return Object.entries(group)
    .map(([key, value]) => `${key}=${value ?? ''}`)
    .join('; ');
}

/**
 * The quarterly report's figures as CSV, one figure a line, for the same people and scopes as the
 * page (and without who is complained about for those who may not see it). Audited as
 * `report.downloaded`, naming the quarter and the scope.
 */
export async function quarterlyReportCsv(
  deps: ReportDependencies,
  request: { actor: StaffActor; scope: ReportScope; quarter: string; requestId?: string },
): Promise<{ csv: string; quarter: string }> {
  const report = await readQuarterlyReport(deps, request, 'report.downloaded');
  const rows = [
    ['section', 'quarter', 'group', 'measure', 'value'],
    ...lines(report).map((line) => [line.section, line.quarter, groupText(line.group), line.measure, line.value === null ? '' : String(line.value)]),
  ];
  return { csv: rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n', quarter: report.quarter };
}
