import type { ReportDependencies } from '../reports/quarterly-report';
import { type AnnualReportRequest, annualReportPage, annualReportPdf, saveSelfAssessment } from './annual-report';

export type { AnnualReport, SelfAssessment } from './annual-report';

/** The annual complaints performance report: national office's page, self-assessment and PDF. */
export function createAnnualReportServices(deps: ReportDependencies) {
  return {
    page: (request: Omit<AnnualReportRequest, 'year'> & { year?: string | undefined }) => annualReportPage(deps, request),
    saveSelfAssessment: (request: AnnualReportRequest & { values: unknown }) => saveSelfAssessment(deps, request),
    /** The PDF, audited as downloaded. */
    pdf: (request: AnnualReportRequest & { language: 'en' | 'cy' }) => annualReportPdf(deps, request),
  };
}

export type AnnualReportServices = ReturnType<typeof createAnnualReportServices>;
