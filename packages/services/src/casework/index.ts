import type { AttachmentStorage } from '@complaints/storage';
import type { QueueKey, QueueQuery, DashboardPeriod } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { acknowledgeComplaint } from './acknowledge-complaint';
import { assignComplaint, type AssignInput } from './assign-complaint';
import type { CaseworkRequest } from './casework-context';
import { downloadAttachment } from './download-attachment';
import { downloadLetter } from './download-letter';
import { availableQueues, listQueue } from './list-queue';
import { logComplaint, type LogComplaintInput } from './log-complaint';
import { logReceivedComplaint } from './log-received-complaint';
import type { PlacementChoice } from './placement';
import { previewAcknowledgement } from './preview-acknowledgement';
import { printLetter } from './print-letter';
import { recordTriage } from './record-triage';
import { viewAssignment } from './view-assignment';
import { viewComplaint } from './view-complaint';
import { viewDashboard } from './view-dashboard';
import { viewLetter } from './view-letter';
import { viewLogForm, viewReceivedLogging } from './view-logging';
import { viewPointTriage } from './view-point-triage';

export { ActionRefusedError, CaseworkNotAllowedError, ComplaintNotFoundError, type CaseworkRequest } from './casework-context';
export { QUEUE_CAPABILITY, availableQueues, type QueuePage } from './list-queue';
export type { Dashboard } from './view-dashboard';
export type { ComplaintPage } from './view-complaint';
export type { PointTriageForm } from './view-point-triage';
export type { AssignmentPage } from './view-assignment';
export type { AcknowledgementPreview } from './preview-acknowledgement';
export type { AcknowledgementRefusalReason } from './prepare-acknowledgement';
export type { LetterPage } from './view-letter';
export type { LetterFile } from './download-letter';
export type { AttachmentFile } from './download-attachment';
export type { LogComplaintInput, LogComplaintResult } from './log-complaint';
export type { ReceivedLogging } from './view-logging';
export { trackingCodeHash } from './tracking-code-hash';

/** The casework of the back office (queues, logging, triage, assignment, acknowledgement, the case), bound once. */
export function createCaseworkServices(deps: ServiceDependencies) {
  return {
    availableQueues: (request: CaseworkRequest) => availableQueues(request.actor),
    listQueue: (request: CaseworkRequest, queue: QueueKey, query: QueueQuery) => listQueue(deps, request, queue, query),
    viewDashboard: (request: CaseworkRequest, options: { period: DashboardPeriod; page: number }) => viewDashboard(deps, request, options),
    viewLogForm: (request: CaseworkRequest) => viewLogForm(deps, request),
    logComplaint: (request: CaseworkRequest, input: LogComplaintInput) => logComplaint(deps, request, input),
    viewReceivedLogging: (request: CaseworkRequest, complaintId: string) => viewReceivedLogging(deps, request, complaintId),
    logReceivedComplaint: (request: CaseworkRequest, complaintId: string, choice: PlacementChoice) => logReceivedComplaint(deps, request, complaintId, choice),
    viewComplaint: (request: CaseworkRequest, complaintId: string) => viewComplaint(deps, request, complaintId),
    viewPointTriage: (request: CaseworkRequest, complaintId: string, pointId: string) => viewPointTriage(deps, request, complaintId, pointId),
    recordTriage: (request: CaseworkRequest, complaintId: string, pointId: string, input: unknown) => recordTriage(deps, request, complaintId, pointId, input),
    viewAssignment: (request: CaseworkRequest, complaintId: string) => viewAssignment(deps, request, complaintId),
    assignComplaint: (request: CaseworkRequest, complaintId: string, input: AssignInput, links: { caseUrl: string }) =>
      assignComplaint(deps, request, complaintId, input, links),
    previewAcknowledgement: (request: CaseworkRequest, complaintId: string) => previewAcknowledgement(deps, request, complaintId),
    acknowledgeComplaint: (request: CaseworkRequest, complaintId: string) => acknowledgeComplaint(deps, request, complaintId),
    viewLetter: (request: CaseworkRequest, complaintId: string, letterId: string) => viewLetter(deps, request, complaintId, letterId),
    downloadLetter: (request: CaseworkRequest, complaintId: string, letterId: string) => downloadLetter(deps, request, complaintId, letterId),
    printLetter: (request: CaseworkRequest, complaintId: string, letterId: string) => printLetter(deps, request, complaintId, letterId),
    downloadAttachment: (storage: AttachmentStorage, request: CaseworkRequest, complaintId: string, attachmentId: string) =>
      downloadAttachment({ ...deps, storage }, request, complaintId, attachmentId),
  };
}

export type CaseworkServices = ReturnType<typeof createCaseworkServices>;
