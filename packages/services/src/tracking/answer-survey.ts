import { saveSurveyAnswers } from '@complaints/db';
import { type SurveyAnswers, surveyAnswersSchema } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { type MoveRequest, type MoveUseCase, runMove } from '../lifecycle/run-move';

/**
 * The complainant tells us how the handling of their complaint felt, once, after it is closed
 * (the lifecycle's guard). The answers are kept for the reports; the history records only that
 * the survey was answered.
 */
export const answerSurveyMove: MoveUseCase<'answer_survey', SurveyAnswers, null> = {
  move: 'answer_survey',
  input: surveyAnswersSchema,
  async apply({ tx, complaint, now }, answers) {
    const kept: Record<string, string | number> = {};
    for (const [question, answer] of Object.entries(answers)) if (answer !== undefined && answer !== '') kept[question] = question === 'comments' ? answer : Number(answer);
    await saveSurveyAnswers(tx, complaint.id, kept, now);
    return { payload: {}, result: null };
  },
};

export function answerSurvey(deps: ServiceDependencies, request: MoveRequest & { complainant: { complaintId: string } }, raw: unknown) {
  return runMove(deps, request, answerSurveyMove, { complaintId: request.complainant.complaintId }, raw);
}
