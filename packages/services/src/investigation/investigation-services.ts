import type { AttachmentStorage } from '@complaints/storage';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ArrivedFile } from '../drafts/attach-draft-files';
import type { ServiceDependencies } from '../dependencies';
import { addCaseNote } from './add-case-note';
import { addInformation, viewAddInformation } from './add-information';
import { correctComplainantDetails, viewComplainantCorrection } from './correct-complainant-details';
import { recordCorrespondence } from './record-correspondence';
import { withdrawComplaint } from './withdraw-complaint';

export type { ComplainantCorrectionForm } from './correct-complainant-details';
export type { CorrectionRecord, InvestigationRecord } from './investigation-record';
export { CASE_NOTE_LIMITS } from './add-case-note';
export { CORRESPONDENCE_LIMITS } from './record-correspondence';
export { CORRECTION_LIMITS, CORRECTABLE_FIELDS, type CorrectableField } from './complainant-correction';
export { INFORMATION_LIMITS } from './add-information';
export { WITHDRAWAL_LIMITS } from './withdraw-complaint';

/**
 * The investigation record, bound once: notes and evidence, the correspondence log, corrections to
 * the complainant's details, and what the complainant adds or withdraws, each a move of the
 * lifecycle. Files come with the storage they are kept in (the app's, shared with the portal).
 */
export function createInvestigationServices(deps: ServiceDependencies) {
  return {
    addCaseNote: (storage: AttachmentStorage, request: CaseworkRequest, complaintId: string, input: unknown, files: readonly ArrivedFile[]) =>
      addCaseNote({ ...deps, storage }, request, complaintId, input, files),
    recordCorrespondence: (storage: AttachmentStorage, request: CaseworkRequest, complaintId: string, input: unknown, files: readonly ArrivedFile[]) =>
      recordCorrespondence({ ...deps, storage }, request, complaintId, input, files),
    viewComplainantCorrection: (request: CaseworkRequest, complaintId: string) => viewComplainantCorrection(deps, request, complaintId),
    correctComplainantDetails: (request: CaseworkRequest, complaintId: string, input: unknown) => correctComplainantDetails(deps, request, complaintId, input),
    viewAddInformation: (request: CaseworkRequest, complaintId: string) => viewAddInformation(deps, request, complaintId),
    addInformation: (request: CaseworkRequest, complaintId: string, input: unknown) => addInformation(deps, request, complaintId, input),
    withdrawComplaint: (request: CaseworkRequest, complaintId: string, input: unknown) => withdrawComplaint(deps, request, complaintId, input),
  };
}

export type InvestigationServices = ReturnType<typeof createInvestigationServices>;
