import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { recordOmbudsmanOutcome } from './record-ombudsman-outcome';
import { referToOmbudsman } from './refer-to-ombudsman';
import { viewOmbudsmanOutcome, viewOmbudsmanReferral } from './view-ombudsman';

export type { OmbudsmanOutcomePage, OmbudsmanReferralPage } from './view-ombudsman';

/** Escalation to the Ombudsman, bound once. */
export function createEscalationServices(deps: ServiceDependencies) {
  return {
    viewReferral: (request: CaseworkRequest, complaintId: string) => viewOmbudsmanReferral(deps, request, complaintId),
    refer: (request: CaseworkRequest, complaintId: string, input: unknown) => referToOmbudsman(deps, request, complaintId, input),
    viewOutcome: (request: CaseworkRequest, complaintId: string) => viewOmbudsmanOutcome(deps, request, complaintId),
    recordOutcome: (request: CaseworkRequest, complaintId: string, input: unknown) => recordOmbudsmanOutcome(deps, request, complaintId, input),
  };
}

export type EscalationServices = ReturnType<typeof createEscalationServices>;
