import type { AttachmentStorage } from '@complaints/storage';
import type { ArrivedFile } from '../drafts/attach-draft-files';
import type { ServiceDependencies } from '../dependencies';
import { addInformationOnline } from '../investigation/add-information';
import { withdrawComplaint } from '../investigation/withdraw-complaint';
import { requestStageTwoOnline } from '../casework/request-stage-two';
import { answerSurvey } from './answer-survey';
import { confirmTrackingCode } from './confirm-tracking-code';
import { askForNewCode, startTracking } from './start-tracking';
import { downloadTrackedLetter, viewTrackedLetter } from './tracked-letter';
import { endTracking, resumeTrackingSession, type TrackingSession } from './tracking-session';
import { viewTracking } from './view-tracking';

/** A move from the tracking page: the session's complaint, and the form's key so a repeat lands on one result. */
export type TrackingMoveRequest = TrackingSession & { submissionKey?: string | undefined };

function asComplainant(request: TrackingMoveRequest) {
  return { complainant: { complaintId: request.complaintId }, requestId: request.requestId, submissionKey: request.submissionKey };
}

/** Following a complaint online, and the moves its complainant makes from there. */
export function createTrackingServices(deps: ServiceDependencies) {
  return {
    start: (input: { typed: string; clientIp: string }) => startTracking(deps, input),
    askForNewCode: (input: { token: string | null; clientIp: string }) => askForNewCode(deps, input),
    confirmCode: (input: { token: string | null; typed: string; clientIp: string }) => confirmTrackingCode(deps, input),
    resume: (input: { token: string | null; requestId: string }) => resumeTrackingSession(deps, input),
    end: (token: string | null) => endTracking(deps, token),
    view: (session: TrackingSession) => viewTracking(deps, session),
    viewLetter: (session: TrackingSession, letterId: string) => viewTrackedLetter(deps, session, letterId),
    downloadLetter: (session: TrackingSession, letterId: string) => downloadTrackedLetter(deps, session, letterId),
    addInformation: (request: TrackingMoveRequest, raw: unknown, files: readonly ArrivedFile[], storage: AttachmentStorage) =>
      addInformationOnline({ ...deps, storage }, asComplainant(request), raw, files),
    askForReview: (request: TrackingMoveRequest, raw: unknown) => requestStageTwoOnline(deps, asComplainant(request), raw),
    withdraw: (request: TrackingMoveRequest, raw: unknown) => withdrawComplaint(deps, asComplainant(request), request.complaintId, raw),
    answerSurvey: (request: TrackingMoveRequest, raw: unknown) => answerSurvey(deps, asComplainant(request), raw),
  };
}

export type TrackingServices = ReturnType<typeof createTrackingServices>;
export type { TrackingPage, TrackedEvent, TrackedPoint, ComplainantMove } from './view-tracking';
export type { TrackingStart } from './start-tracking';
export type { TrackingConfirmation } from './confirm-tracking-code';
export type { TrackingSession } from './tracking-session';
export { COMPLAINANT_MOVES } from './view-tracking';
