import type { StaffActor } from '@complaints/auth';
import type { ServiceDependencies } from '../dependencies';
import { saveBusinessArea } from './save-business-area';
import { saveServiceArea } from './save-service-area';
import { saveTeam } from './save-team';
import { showOrganisation } from './show-organisation';

/** Managing the organisation's structure, bound to its dependencies. */
export function createOrganisationServices(deps: ServiceDependencies) {
  return {
    show: (actor: StaffActor) => showOrganisation(deps, actor),
    saveBusinessArea: (actor: StaffActor, id: string | null, input: Record<string, unknown>, requestId?: string) => saveBusinessArea(deps, actor, id, input, requestId),
    saveServiceArea: (actor: StaffActor, id: string | null, input: Record<string, unknown>, requestId?: string) => saveServiceArea(deps, actor, id, input, requestId),
    saveTeam: (actor: StaffActor, id: string | null, input: Record<string, unknown>, requestId?: string) => saveTeam(deps, actor, id, input, requestId),
  };
}

export type OrganisationServices = ReturnType<typeof createOrganisationServices>;
