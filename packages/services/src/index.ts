import type { ServiceDependencies } from './dependencies';
import { checkReadiness } from './health/check-readiness';
import { loadProcessSettings } from './settings/process-settings';

export type { ServiceDependencies } from './dependencies';
export { deliverDueEmails, type DeliveryResult } from './delivery/deliver-due-emails';
export { removeExpiredRecords } from './housekeeping/remove-expired-records';
export { loadProcessSettings, forgetProcessSettings, type ProcessSettings } from './settings/process-settings';
export { recordNewComplaint, type RecordedComplaint } from './complaints/record-new-complaint';

/**
 * Every use case the apps call, bound to its dependencies. Apps receive this object through
 * Remix's load context; routes call one use case each.
 */
export function createServices(deps: ServiceDependencies) {
  return {
    checkReadiness: () => checkReadiness(deps),
    processSettings: () => loadProcessSettings(deps.db),
  };
}

export type Services = ReturnType<typeof createServices>;
