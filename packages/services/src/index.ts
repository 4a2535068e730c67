import type { ServiceDependencies } from './dependencies';
import { checkReadiness } from './health/check-readiness';
import { loadProcessSettings } from './settings/process-settings';
import { createStaffServices } from './staff/staff-services';
import { createOrganisationServices } from './organisation/organisation-services';
import { createComplaintFormServices } from './complaints/complaint-form-services';
import { createSharedDeviceServices } from './shared-device/shared-device-services';
import { createDocumentServices } from './documents/document-services';
import { createAccessServices } from './access/access-services';
import { createCaseworkServices } from './casework/index';
import { createSubjectAccessServices } from './subject-access/index';
import { createLetterTemplateServices } from './letter-templates/letter-template-services';
import { createCaseworkSettingsServices } from './settings/casework-settings-services';
import { createTimescaleSettingsServices } from './settings/timescale-settings-services';
import { createTimescaleServices } from './timescales/timescale-services';
import { createEscalationServices } from './escalation/escalation-services';
import { createLearningServices } from './learning/learning-services';
import { createQualityFrameworkServices } from './management-review/quality-framework';
import { createManagementReviewServices } from './management-review/management-review-services';
import { createInvestigationServices } from './investigation/investigation-services';
import { createTrackingServices } from './tracking/tracking-services';
import { createPrintQueueServices } from './print-queue/print-queue-services';
import { createSearchServices } from './search/search-services';
import { createReportServices } from './reports/report-services';
import { createAnnualReportServices } from './annual-report/annual-report-services';

export type { ServiceDependencies } from './dependencies';
export { createSearchServices, type SearchOutcome, type SearchServices } from './search/search-services';
export {
  createReportServices,
  quarterlyReportWords,
  reportScopeName,
  type QuarterlyReport,
  type ReportChart,
  type ReportScopeChoice,
  type ReportSection,
  type ReportServices,
  type ReportWords,
  type TeamTimescales,
  type ThroughputFigures,
} from './reports/report-services';
export { createAnnualReportServices, type AnnualReport, type AnnualReportServices, type SelfAssessment } from './annual-report/annual-report-services';
export { createPrintQueueServices, type PrintBatchFile, type PrintQueueArea, type PrintQueuePage, type PrintQueueServices } from './print-queue/print-queue-services';
export {
  COMPLAINANT_MOVES,
  createTrackingServices,
  type ComplainantMove,
  type TrackedEvent,
  type TrackedPoint,
  type TrackingConfirmation,
  type TrackingPage,
  type TrackingServices,
  type TrackingSession,
  type TrackingStart,
} from './tracking/tracking-services';
export { deliverDueEmails, type DeliveryResult } from './delivery/deliver-due-emails';
export { removeExpiredRecords } from './housekeeping/remove-expired-records';
export { checkHistoryChains } from './protection/check-history';
export { anonymiseExpiredComplaints, retentionYears, type RetentionRun } from './retention/anonymise-expired-complaints';
export { sendWeeklyReminders, type WeeklyReminderSweep } from './reminders/send-weekly-reminders';
export { sendDailyWarnings, type DailyWarningSweep } from './reminders/send-daily-warnings';
export { loadProcessSettings, forgetProcessSettings, type ProcessSettings } from './settings/process-settings';
export { recordNewComplaint, type RecordedComplaint } from './complaints/record-new-complaint';
export { createStaffServices, type StaffServices } from './staff/staff-services';
export type { FieldProblems } from './staff/staff-account-input';
export { createOrganisationServices, type OrganisationServices } from './organisation/organisation-services';
export type { OrganisationProblems } from './organisation/organisation-input';
export { createComplaintFormServices, type ComplaintFormServices } from './complaints/complaint-form-services';
export { submitComplaint, type SubmittedComplaint } from './complaints/submit-complaint';
export { createSharedDeviceServices, type SharedDeviceServices } from './shared-device/shared-device-services';
export type { ForgottenDevice, ThisDevice } from './shared-device/forget-this-device';
export { complaintReceivedEmail } from './complaints/complaint-received-email';
export { dateInWords as complaintDateInWords } from './complaints/complaint-wording';
export type { FormPostLimits } from './protection/screen-form-post';
export { sealSecondFactorKeys } from './protection/second-factor-keys';
export type { FormPost, PageIntent } from './drafts/save-form-page';
export type { PageView, PageProblem, DraftFile } from './drafts/form-draft-state';
export type { ArrivedFile } from './drafts/attach-draft-files';
export { draftIdOf } from './drafts/form-draft-token';
export { createDocumentServices, type DocumentServices } from './documents/document-services';
export { preparePublicDocument, type PreparedPublicDocument, type PublicDocumentRequest } from './documents/prepare-public-document';
export { renderPublicDocumentPdf, type PublicDocumentPdf } from './documents/render-public-document-pdf';
export { renderPersonalisedWelcomePack, type PersonalisedWelcomePack, type PersonalisedWelcomePackRequest } from './documents/render-personalised-welcome-pack';
export { previewPublicDocument, type PublicDocumentPreview } from './documents/preview-public-document';
export { createAccessServices, type AccessServices } from './access/access-services';
export { ensureCapability } from './access/access-denied';
export { ensureRecentlyAuthenticated } from './access/recent-authentication';
export type { ResumedSession } from './access/resume-session';
export type { SignInOutcome } from './access/sign-in-with-password';
export { createSubjectAccessServices, exportSubjectAccess, SUBJECT_ACCESS_MATCHING_RULE, type SubjectAccessExport, type SubjectAccessServices } from './subject-access/index';
export { Refusal, isRefusal, refusalStatus, type RefusalCode } from './refusal';
export type { MoveOffer } from './lifecycle/offered-moves';
export {
  AUTOMATIC_ACKNOWLEDGEMENT_APPROVAL,
  QUEUE_CAPABILITY,
  availableQueues,
  createCaseworkServices,
  trackingCodeHash,
  type AcknowledgementPreview,
  type AssignmentPage,
  type ClosureCheckPage,
  type LetterComparison,
  type PointAnswerForm,
  type ResponsePreview,
  type TimelineEntry,
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
export {
  createLetterTemplateServices,
  type AdministrationRequest,
  type LetterTemplateListing,
  type LetterTemplatePage,
  type LetterTemplateProblem,
  type LetterTemplateServices,
  type SavedLetterTemplate,
} from './letter-templates/letter-template-services';
export { createCaseworkSettingsServices, type CaseworkSettings, type CaseworkSettingsServices } from './settings/casework-settings-services';
export {
  createTimescaleSettingsServices,
  type NonWorkingDayRow,
  type NonWorkingDaysPage,
  type TimescaleSetting,
  type TimescaleSettingsServices,
} from './settings/timescale-settings-services';
export { EXTENSION_LIMITS } from './timescales/extend-timescale';
export { PAUSE_LIMITS } from './timescales/pause-clock';
export { createTimescaleServices, type CaseTimescales, type ExtensionPage, type TimescaleServices } from './timescales/timescale-services';
export {
  createEscalationServices,
  type EscalationServices,
  type OmbudsmanEnquiryPage,
  type OmbudsmanOutcomePage,
  type OmbudsmanReferralPage,
  type OmbudsmanReplyPage,
  type RecommendationDonePage,
} from './escalation/escalation-services';
export { createQualityFrameworkServices, type QualityFrameworkPage, type QualityFrameworkServices } from './management-review/quality-framework';
export { createManagementReviewServices, type ManagementReviewPage, type ManagementReviewServices } from './management-review/management-review-services';
export {
  createLearningServices,
  type ComplaintLearning,
  type LearningBulletin,
  type LearningLogPage,
  type LearningPointPage,
  type LearningServices,
  type RaiseLearningPage,
} from './learning/learning-services';
export {
  CASE_NOTE_LIMITS,
  CORRECTABLE_FIELDS,
  CORRECTION_LIMITS,
  CORRESPONDENCE_LIMITS,
  INFORMATION_LIMITS,
  WITHDRAWAL_LIMITS,
  createInvestigationServices,
  type ComplainantCorrectionForm,
  type CorrectableField,
  type CorrectionRecord,
  type InvestigationRecord,
  type InvestigationServices,
} from './investigation/investigation-services';

/**
 * Every use case the apps call, bound to its dependencies. Apps receive this object through
 * Remix's load context; routes call one use case each.
 */
export function createServices(deps: ServiceDependencies) {
  return {
    checkReadiness: () => checkReadiness(deps),
    processSettings: () => loadProcessSettings(deps.db),
    staffAccounts: createStaffServices(deps),
    organisation: createOrganisationServices(deps),
    complaintForm: createComplaintFormServices(deps),
    sharedDevice: createSharedDeviceServices(deps),
    documents: createDocumentServices(deps),
    staffAccess: createAccessServices(deps),
    casework: createCaseworkServices(deps),
    letterTemplates: createLetterTemplateServices(deps),
    caseworkSettings: createCaseworkSettingsServices(deps),
    timescaleSettings: createTimescaleSettingsServices(deps),
    timescales: createTimescaleServices(deps),
    escalation: createEscalationServices(deps),
    managementReview: createManagementReviewServices(deps),
    learning: createLearningServices(deps),
    qualityFramework: createQualityFrameworkServices(deps),
    investigation: createInvestigationServices(deps),
    tracking: createTrackingServices(deps),
    printQueue: createPrintQueueServices(deps),
    search: createSearchServices(deps),
    reports: createReportServices(deps),
    annualReport: createAnnualReportServices(deps),
    subjectAccess: createSubjectAccessServices(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
