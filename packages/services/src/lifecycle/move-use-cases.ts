import type { Move } from '@complaints/domain';
import { assignCsqManagerMove, assignResponderMove } from '../casework/assign-complaint';
import { closeComplaintMove } from '../casework/close-complaint';
import { logReceivedMove } from '../casework/log-received-complaint';
import { prepareAcknowledgementMove } from '../casework/prepare-acknowledgement';
import { triagePointMove } from '../casework/record-triage';
import { requestStageTwoMove } from '../casework/request-stage-two';
import { completeOmbudsmanRecommendationMove } from '../escalation/complete-ombudsman-recommendation';
import { recordOmbudsmanEnquiryMove } from '../escalation/record-ombudsman-enquiry';
import { recordOmbudsmanOutcomeMove } from '../escalation/record-ombudsman-outcome';
import { referToOmbudsmanMove } from '../escalation/refer-to-ombudsman';
import { replyToOmbudsmanMove } from '../escalation/reply-to-ombudsman';
import { addCaseNoteMove } from '../investigation/add-case-note';
import { addInformationMove } from '../investigation/add-information';
import { answerPointMove } from '../investigation/answer-point';
import { correctComplainantDetailsMove } from '../investigation/correct-complainant-details';
import { recordCorrespondenceMove } from '../investigation/record-correspondence';
import { startInvestigationMove } from '../investigation/start-investigation';
import { withdrawComplaintMove } from '../investigation/withdraw-complaint';
import { draftResponseMove } from '../letters/draft-response';
import { printLetterMove } from '../letters/print-letter';
import { sendLetterMove } from '../letters/send-letter';
import { submitLetterMove } from '../letters/submit-letter';
import { writeLetterMove } from '../letters/write-letter';
import { raiseLearningMove } from '../learning/raise-learning';
import { recordManagementReviewMove } from '../management-review/record-management-review';
import { checkClosureMove } from '../quality-assurance/check-closure';
import { approveLetterMove, returnLetterMove } from '../quality-assurance/review-letter';
import { extendTimescaleMove } from '../timescales/extend-timescale';
import { pauseClockMove } from '../timescales/pause-clock';
import { resumeClockMove } from '../timescales/resume-clock';
import { answerSurveyMove } from '../tracking/answer-survey';
import type { MoveUseCase } from './run-move';

/**
 * The use case of every move of the lifecycle, by its name: typed over the whole table, so a move
 * cannot be added to the table without one. A complaint's first move, `submit`, creates the
 * complaint rather than changing one, so it is made by `recordNewComplaint` (online, and when staff
 * log what came by letter, email or phone), not by the executor. `anonymise` is made only by the
 * retention job (`retention/anonymise-expired-complaints.ts`), with the file storage it is given.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry is checked against its own move's input and payload where it is written
export const MOVE_USE_CASES: { [M in Exclude<Move, 'submit' | 'anonymise'>]: MoveUseCase<M, any, unknown> } = {
  log: logReceivedMove,
  triage_point: triagePointMove,
  assign_responder: assignResponderMove,
  assign_csq_manager: assignCsqManagerMove,
  prepare_acknowledgement: prepareAcknowledgementMove,
  start_investigation: startInvestigationMove,
  add_case_note: addCaseNoteMove,
  record_correspondence: recordCorrespondenceMove,
  correct_complainant_details: correctComplainantDetailsMove,
  answer_point: answerPointMove,
  record_management_review: recordManagementReviewMove,
  raise_learning: raiseLearningMove,
  draft_response: draftResponseMove,
  write_letter: writeLetterMove,
  submit_letter: submitLetterMove,
  approve_letter: approveLetterMove,
  return_letter: returnLetterMove,
  send_letter: sendLetterMove,
  print_letter: printLetterMove,
  extend: extendTimescaleMove,
  pause_clock: pauseClockMove,
  resume_clock: resumeClockMove,
  add_information: addInformationMove,
  withdraw: withdrawComplaintMove,
  answer_survey: answerSurveyMove,
  request_stage_two: requestStageTwoMove,
  quality_assure_closure: checkClosureMove,
  close: closeComplaintMove,
  refer_to_ombudsman: referToOmbudsmanMove,
  record_ombudsman_enquiry: recordOmbudsmanEnquiryMove,
  reply_to_ombudsman: replyToOmbudsmanMove,
  record_ombudsman_outcome: recordOmbudsmanOutcomeMove,
  complete_ombudsman_recommendation: completeOmbudsmanRecommendationMove,
};
