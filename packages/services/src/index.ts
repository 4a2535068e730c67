import type { ServiceDependencies } from './dependencies';
import { checkReadiness } from './health/check-readiness';
import { loadProcessSettings } from './settings/process-settings';
import { createAccessServices } from './access/access-services';
import { createCaseworkServices } from './casework/index';

export type { ServiceDependencies } from './dependencies';
export { deliverDueEmails, type DeliveryResult } from './delivery/deliver-due-emails';
export { removeExpiredRecords } from './housekeeping/remove-expired-records';
export { loadProcessSettings, forgetProcessSettings, type ProcessSettings } from './settings/process-settings';
export { recordNewComplaint, type RecordedComplaint } from './complaints/record-new-complaint';
export { createAccessServices, type AccessServices } from './access/access-services';
export { AccessDeniedError, ensureCapability } from './access/access-denied';
export { ReauthenticationRequiredError, ensureRecentlyAuthenticated } from './access/recent-authentication';
export type { ResumedSession } from './access/resume-session';
export type { SignInOutcome } from './access/sign-in-with-password';
export {
  ActionRefusedError,
  CaseworkNotAllowedError,
  ComplaintNotFoundError,
  QUEUE_CAPABILITY,
  availableQueues,
  createCaseworkServices,
  trackingCodeHash,
  type AcknowledgementPreview,
  type AcknowledgementRefusalReason,
  type AssignmentPage,
  type AttachmentFile,
  type CaseworkRequest,
  type CaseworkServices,
  type ComplaintPage,
  type Dashboard,
  type LetterFile,
  type LetterPage,
  type LogComplaintInput,
  type LogComplaintResult,
  type PointTriageForm,
  type QueuePage,
  type ReceivedLogging,
} from './casework/index';
export { dateInWords } from './letters/letter-dates';

/**
 * Every use case the apps call, bound to its dependencies. Apps receive this object through
 * Remix's load context; routes call one use case each.
 */
export function createServices(deps: ServiceDependencies) {
  return {
    checkReadiness: () => checkReadiness(deps),
    processSettings: () => loadProcessSettings(deps.db),
    staffAccess: createAccessServices(deps),
    casework: createCaseworkServices(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
