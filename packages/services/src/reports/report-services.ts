import type { StaffActor } from '@complaints/auth';
import type { ReportScope } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { quarterlyReport } from './quarterly-report';

export type { QuarterlyReport, TeamTimescales, ThroughputFigures } from './quarterly-report';

/** The reports' figures. */
export function createReportServices(deps: ServiceDependencies) {
  return {
    quarterlyReport: (request: { actor: StaffActor; scope: ReportScope; quarter: string; requestId?: string }) => quarterlyReport(deps, request),
  };
}

export type ReportServices = ReturnType<typeof createReportServices>;
