import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { extendTimescale } from './extend-timescale';
import { pauseClock, viewPauseClock } from './pause-clock';
import { resumeClock } from './resume-clock';
import { viewExtension } from './view-extension';

export type { ExtensionPage } from './view-extension';
export type { CaseTimescales } from './case-timescales';

/** Extensions and the paused clock, bound once. */
export function createTimescaleServices(deps: ServiceDependencies) {
  return {
    viewExtension: (request: CaseworkRequest, complaintId: string) => viewExtension(deps, request, complaintId),
    extend: (request: CaseworkRequest, complaintId: string, input: unknown) => extendTimescale(deps, request, complaintId, input),
    viewPauseClock: (request: CaseworkRequest, complaintId: string) => viewPauseClock(deps, request, complaintId),
    pauseClock: (request: CaseworkRequest, complaintId: string, input: unknown) => pauseClock(deps, request, complaintId, input),
    resumeClock: (request: CaseworkRequest, complaintId: string) => resumeClock(deps, request, complaintId),
  };
}

export type TimescaleServices = ReturnType<typeof createTimescaleServices>;
