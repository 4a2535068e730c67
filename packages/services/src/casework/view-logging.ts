import { can } from '@complaints/auth';
import { type OrganisationChoices, recordAudit } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { requireMove } from '../lifecycle/offered-moves';
import { Refusal } from '../refusal';
import type { CaseworkRequest } from './casework-context';
import { placementChoices } from './placement';

/** What the form for logging a letter, email or call offers this person: where it may be placed. */
export async function viewLogForm(deps: ServiceDependencies, request: CaseworkRequest): Promise<OrganisationChoices> {
  if (!can(request.actor, 'log_complaint')) throw new Refusal('not_allowed');
  return placementChoices(deps.db, request.actor);
}

export type ReceivedLogging = {
  complaintId: string;
  reference: string;
  current: { serviceAreaId: string | null; teamId: string | null; practitionerId: string | null };
  choices: OrganisationChoices;
};

/** The page for logging a complaint that came in online, and placing it in the organisation. */
export async function viewReceivedLogging(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<ReceivedLogging> {
  const { access: facts } = await requireMove(deps, request, complaintId, 'log');
  const choices = await placementChoices(deps.db, request.actor);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:log', requestId: request.requestId });
  return {
    complaintId,
    reference: facts.reference,
    current: { serviceAreaId: facts.serviceAreaId, teamId: facts.teamId, practitionerId: facts.practitionerId },
    choices,
  };
}
