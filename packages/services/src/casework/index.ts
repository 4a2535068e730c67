import type { AttachmentStorage } from '@complaints/storage';
import type { DashboardPeriod, Move, QueueKey, QueueQuery } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { answerPoint } from '../investigation/answer-point';
import { startInvestigation } from '../investigation/start-investigation';
import { viewPointAnswer } from '../investigation/view-point-answer';
import { draftResponse } from '../letters/draft-response';
import { previewResponse } from '../letters/preview-response';
import { printLetter } from '../letters/print-letter';
import { sendLetter } from '../letters/send-letter';
import { submitLetter } from '../letters/submit-letter';
import { writeLetter } from '../letters/write-letter';
import { makeSimpleMove, type SimpleMove } from '../lifecycle/make-simple-move';
import { viewMoveForm, viewWriteLetter } from '../lifecycle/view-move-form';
import { checkClosure } from '../quality-assurance/check-closure';
import { approveLetter, returnLetter } from '../quality-assurance/review-letter';
import { viewClosureCheck } from '../quality-assurance/view-closure-check';
import { assignComplaint, type AssignInput } from './assign-complaint';
import type { CaseworkRequest } from './casework-context';
import { closeComplaint } from './close-complaint';
import { downloadAttachment } from './download-attachment';
import { downloadLetter } from './download-letter';
import { availableQueues, listQueue } from './list-queue';
import { logComplaint, type LogComplaintInput } from './log-complaint';
import { logReceivedComplaint } from './log-received-complaint';
import type { PlacementChoice } from './placement';
import { prepareAcknowledgement } from './prepare-acknowledgement';
import { previewAcknowledgement } from './preview-acknowledgement';
import { recordTriage } from './record-triage';
import { requestStageTwo } from './request-stage-two';
import { viewAssignment } from './view-assignment';
import { viewComplaint } from './view-complaint';
import { viewDashboard } from './view-dashboard';
import { viewLetter } from './view-letter';
import { viewLogForm, viewReceivedLogging } from './view-logging';
import { viewPointTriage } from './view-point-triage';

export { type CaseworkRequest } from './casework-context';
export { QUEUE_CAPABILITY, availableQueues, type QueuePage } from './list-queue';
export type { Dashboard } from './view-dashboard';
export type { ComplaintPage, TimelineEntry } from './view-complaint';
export type { PointTriageForm } from './view-point-triage';
export type { AssignmentPage } from './view-assignment';
export type { AcknowledgementPreview } from './preview-acknowledgement';
export type { LetterPage, LetterComparison } from './view-letter';
export type { LetterFile } from './download-letter';
export type { AttachmentFile } from './download-attachment';
export type { LogComplaintInput, LogComplaintResult } from './log-complaint';
export type { ReceivedLogging } from './view-logging';
export type { PointAnswerForm } from '../investigation/view-point-answer';
export type { ResponsePreview } from '../letters/preview-response';
export type { ClosureCheckPage } from '../quality-assurance/view-closure-check';
export type { MoveForm } from '../lifecycle/view-move-form';
export { trackingCodeHash } from './tracking-code-hash';
export { AUTOMATIC_ACKNOWLEDGEMENT_APPROVAL } from './prepare-acknowledgement';

type Letter = { complaintId: string; letterId: string };

/**
 * The casework of the back office, bound once: every move on a complaint (each through the
 * lifecycle's executor) and the pages that lead to them.
 */
export function createCaseworkServices(deps: ServiceDependencies) {
  return {
    availableQueues: (request: CaseworkRequest) => availableQueues(request.actor),
    listQueue: (request: CaseworkRequest, queue: QueueKey, query: QueueQuery) => listQueue(deps, request, queue, query),
    viewDashboard: (request: CaseworkRequest, options: { period: DashboardPeriod; page: number }) => viewDashboard(deps, request, options),
    viewComplaint: (request: CaseworkRequest, complaintId: string) => viewComplaint(deps, request, complaintId),
    viewMoveForm: (request: CaseworkRequest, complaintId: string, move: Move) => viewMoveForm(deps, request, complaintId, move),

    viewLogForm: (request: CaseworkRequest) => viewLogForm(deps, request),
    logComplaint: (request: CaseworkRequest, input: LogComplaintInput) => logComplaint(deps, request, input),
    viewReceivedLogging: (request: CaseworkRequest, complaintId: string) => viewReceivedLogging(deps, request, complaintId),
    logReceivedComplaint: (request: CaseworkRequest, complaintId: string, choice: PlacementChoice) => logReceivedComplaint(deps, request, complaintId, choice),
    viewPointTriage: (request: CaseworkRequest, complaintId: string, pointId: string) => viewPointTriage(deps, request, complaintId, pointId),
    recordTriage: (request: CaseworkRequest, complaintId: string, pointId: string, input: unknown) => recordTriage(deps, request, complaintId, pointId, input),
    viewAssignment: (request: CaseworkRequest, complaintId: string) => viewAssignment(deps, request, complaintId),
    assignComplaint: (request: CaseworkRequest, complaintId: string, input: AssignInput, links: { caseUrl: string }) => assignComplaint(deps, request, complaintId, input, links),
    previewAcknowledgement: (request: CaseworkRequest, complaintId: string) => previewAcknowledgement(deps, request, complaintId),
    prepareAcknowledgement: (request: CaseworkRequest, complaintId: string) => prepareAcknowledgement(deps, request, complaintId),

    startInvestigation: (request: CaseworkRequest, complaintId: string) => startInvestigation(deps, request, complaintId),
    makeSimpleMove: (request: CaseworkRequest, complaintId: string, move: SimpleMove) => makeSimpleMove(deps, request, complaintId, move),
    viewPointAnswer: (request: CaseworkRequest, complaintId: string, pointId: string) => viewPointAnswer(deps, request, complaintId, pointId),
    answerPoint: (request: CaseworkRequest, complaintId: string, input: unknown) => answerPoint(deps, request, complaintId, input),
    previewResponse: (request: CaseworkRequest, complaintId: string, message: string | null) => previewResponse(deps, request, complaintId, message),
    draftResponse: (request: CaseworkRequest, complaintId: string, input: unknown) => draftResponse(deps, request, complaintId, input),
    viewWriteLetter: (request: CaseworkRequest, complaintId: string) => viewWriteLetter(deps, request, complaintId),
    writeLetter: (request: CaseworkRequest, complaintId: string, input: unknown) => writeLetter(deps, request, complaintId, input),

    viewLetter: (request: CaseworkRequest, { complaintId, letterId }: Letter, compare: { from: number; to: number } | null = null) =>
      viewLetter(deps, request, complaintId, letterId, { compare }),
    submitLetter: (request: CaseworkRequest, { complaintId, letterId }: Letter) => submitLetter(deps, request, complaintId, letterId),
    approveLetter: (request: CaseworkRequest, { complaintId, letterId }: Letter, input: unknown) => approveLetter(deps, request, complaintId, letterId, input),
    returnLetter: (request: CaseworkRequest, { complaintId, letterId }: Letter, input: unknown) => returnLetter(deps, request, complaintId, letterId, input),
    sendLetter: (request: CaseworkRequest, { complaintId, letterId }: Letter) => sendLetter(deps, request, complaintId, letterId),
    downloadLetter: (request: CaseworkRequest, complaintId: string, letterId: string) => downloadLetter(deps, request, complaintId, letterId),
    printLetter: (request: CaseworkRequest, complaintId: string, letterId: string) => printLetter(deps, request, complaintId, letterId),

    requestStageTwo: (request: CaseworkRequest, complaintId: string, input: unknown) => requestStageTwo(deps, request, complaintId, input),
    viewClosureCheck: (request: CaseworkRequest, complaintId: string) => viewClosureCheck(deps, request, complaintId),
    checkClosure: (request: CaseworkRequest, complaintId: string, input: unknown) => checkClosure(deps, request, complaintId, input),
    closeComplaint: (request: CaseworkRequest, complaintId: string) => closeComplaint(deps, request, complaintId),

    downloadAttachment: (storage: AttachmentStorage, request: CaseworkRequest, complaintId: string, attachmentId: string) =>
      downloadAttachment({ ...deps, storage }, request, complaintId, attachmentId),
  };
}

export type CaseworkServices = ReturnType<typeof createCaseworkServices>;
