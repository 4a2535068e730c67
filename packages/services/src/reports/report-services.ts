import type { StaffActor } from '@complaints/auth';
import type { ReportScope } from '@complaints/domain';
import type { ReportDependencies } from './quarterly-report';
import { quarterlyReport } from './quarterly-report';
import { quarterlyReportCsv } from './quarterly-report-csv';
import { quarterlyReportPdf } from './quarterly-report-pdf';
import { quarterlyReportWords, reportScopeName } from './report-sections';
import { reportScopes } from './report-scopes';

export type { QuarterlyReport, TeamTimescales, ThroughputFigures } from './quarterly-report';
export type { ReportScopeChoice } from './report-scopes';
export type { ReportBar, ReportChart, ReportColumn, ReportSection, ReportTable, ReportWords } from './report-sections';
export { quarterlyReportWords, reportScopeName };

/** The reports' figures. */
export function createReportServices(deps: ReportDependencies) {
  return {
    quarterlyReport: (request: { actor: StaffActor; scope: ReportScope; quarter: string; requestId?: string }) => quarterlyReport(deps, request),
    /** The same figures as CSV, audited as downloaded. */
    quarterlyReportCsv: (request: { actor: StaffActor; scope: ReportScope; quarter: string; requestId?: string }) => quarterlyReportCsv(deps, request),
    /** The whole report as a PDF for printing, in English or Welsh, audited as downloaded. */
    quarterlyReportPdf: (request: { actor: StaffActor; scope: ReportScope; quarter: string; language: 'en' | 'cy'; requestId?: string; webAddress?: string }) =>
      quarterlyReportPdf(deps, request),
    /** The scopes the person may read the report of, widest first. */
    reportScopes: (request: { actor: StaffActor }) => reportScopes(deps, request),
  };
}

export type ReportServices = ReturnType<typeof createReportServices>;
