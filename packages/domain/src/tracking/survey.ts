import { z } from 'zod';
import { optionalText } from '../complaint/complaint-input';

/**
 * The short survey after closure: how the handling of the complaint felt, not whether the
 * complainant agreed with the outcome. Each question is a five-point scale, from "very poor" to
 * "very good", and one may be skipped; a last box says anything else. The answers are counted in
 * the reports.
 */
export const SURVEY_QUESTIONS = ['easy_to_complain', 'kept_informed', 'listened_to', 'clear_answer', 'on_time'] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];
export const SURVEY_SCALE = ['1', '2', '3', '4', '5'] as const;
export const SURVEY_LIMITS = { comments: 2000 } as const;

const rating = z.enum(SURVEY_SCALE, { error: 'survey.rating' }).optional();

export const surveyAnswersSchema = z
  .object({
    easy_to_complain: rating,
    kept_informed: rating,
    listened_to: rating,
    clear_answer: rating,
    on_time: rating,
    comments: optionalText('comments', SURVEY_LIMITS.comments),
  })
  .refine((a) => SURVEY_QUESTIONS.some((q) => a[q] !== undefined) || (a.comments ?? '') !== '', { error: 'survey.empty', path: ['easy_to_complain'] });

export type SurveyAnswers = z.output<typeof surveyAnswersSchema>;
