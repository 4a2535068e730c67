import type { StaffActor } from '@complaints/auth';
import type { ServiceDependencies } from '../dependencies';
import { changeStaffRole } from './change-staff-role';
import { createStaffAccount } from './create-staff-account';
import { listScopeChoices } from './list-scope-choices';
import { listStaffAccounts } from './list-staff-accounts';
import { resetStaffPassword } from './reset-staff-password';
import { resetStaffSecondFactor } from './reset-staff-second-factor';
import { setStaffAccountActive } from './set-staff-account-active';
import { showStaffAccount } from './show-staff-account';
import { updateStaffDetails } from './update-staff-details';

type Acting = StaffActor & { sessionId: string };

/** Administration of staff accounts, bound to its dependencies. */
export function createStaffServices(deps: ServiceDependencies) {
  return {
    list: (actor: StaffActor, filter: Parameters<typeof listStaffAccounts>[2]) => listStaffAccounts(deps, actor, filter),
    show: (actor: StaffActor, id: string) => showStaffAccount(deps, actor, id),
    scopeChoices: (actor: StaffActor) => listScopeChoices(deps, actor),
    create: (actor: Acting, input: Record<string, unknown>, requestId?: string) => createStaffAccount(deps, actor, input, requestId),
    updateDetails: (actor: StaffActor, id: string, input: Record<string, unknown>, requestId?: string) => updateStaffDetails(deps, actor, id, input, requestId),
    changeRole: (actor: Acting, id: string, input: Record<string, unknown>, requestId?: string) => changeStaffRole(deps, actor, id, input, requestId),
    setActive: (actor: StaffActor, id: string, active: boolean, requestId?: string) => setStaffAccountActive(deps, actor, id, active, requestId),
    resetPassword: (actor: Acting, id: string, requestId?: string) => resetStaffPassword(deps, actor, id, requestId),
    resetSecondFactor: (actor: Acting, id: string, requestId?: string) => resetStaffSecondFactor(deps, actor, id, requestId),
  };
}

export type StaffServices = ReturnType<typeof createStaffServices>;
