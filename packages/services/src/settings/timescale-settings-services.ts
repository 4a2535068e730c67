import type { ServiceDependencies } from '../dependencies';
import type { AdministrationRequest } from '../letter-templates/letter-template-key';
import { addNonWorkingDay } from './add-non-working-day';
import { changeTimescaleSettings } from './change-timescale-settings';
import { removeNonWorkingDay } from './remove-non-working-day';
import { viewNonWorkingDays } from './view-non-working-days';
import { viewTimescaleSettings } from './view-timescale-settings';

/** National office's timescales and the days added to the working-day calendar, bound to their dependencies. */
export function createTimescaleSettingsServices(deps: ServiceDependencies) {
  return {
    view: (request: AdministrationRequest) => viewTimescaleSettings(deps, request),
    change: (request: AdministrationRequest, input: unknown) => changeTimescaleSettings(deps, request, input),
    viewNonWorkingDays: (request: AdministrationRequest) => viewNonWorkingDays(deps, request),
    addNonWorkingDay: (request: AdministrationRequest, input: unknown) => addNonWorkingDay(deps, request, input),
    removeNonWorkingDay: (request: AdministrationRequest, input: unknown) => removeNonWorkingDay(deps, request, input),
  };
}

export type TimescaleSettingsServices = ReturnType<typeof createTimescaleSettingsServices>;
export type { TimescaleSetting } from './view-timescale-settings';
export type { NonWorkingDayRow, NonWorkingDaysPage } from './view-non-working-days';
