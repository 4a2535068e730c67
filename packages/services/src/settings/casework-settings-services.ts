import type { ServiceDependencies } from '../dependencies';
import type { AdministrationRequest } from '../letter-templates/letter-template-key';
import { changeCaseworkSettings } from './change-casework-settings';
import { changeRetentionPeriod } from './change-retention-period';
import { viewCaseworkSettings } from './view-casework-settings';

/** National office's settings of the procedure, bound to their dependencies. */
export function createCaseworkSettingsServices(deps: ServiceDependencies) {
  return {
    view: (request: AdministrationRequest) => viewCaseworkSettings(deps, request),
    change: (request: AdministrationRequest, input: unknown) => changeCaseworkSettings(deps, request, input),
    changeRetention: (request: AdministrationRequest, input: unknown) => changeRetentionPeriod(deps, request, input),
  };
}

export type CaseworkSettingsServices = ReturnType<typeof createCaseworkSettingsServices>;
export type { CaseworkSettings } from './view-casework-settings';
