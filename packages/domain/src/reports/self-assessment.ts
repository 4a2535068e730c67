import { z } from 'zod';
import { optionalText } from '../complaint/complaint-input';

/**
 * The headings of the complaints procedure a year's self-assessment is written against, in the
 * order the annual report prints them: how easy it is to complain, acknowledging and answering
 * in time, how complaints are investigated and answered, the review at stage 2 and the
 * Ombudsman, and the learning taken from them.
 */
export const SELF_ASSESSMENT_HEADINGS = ['accessibility', 'timeliness', 'investigation', 'escalation', 'learning'] as const;
export type SelfAssessmentHeading = (typeof SELF_ASSESSMENT_HEADINGS)[number];

/** The most each heading's assessment may hold: a few paragraphs, enough for a page of the report. */
export const SELF_ASSESSMENT_LIMIT = 2000;

export type SelfAssessmentText = Record<SelfAssessmentHeading, string>;

/**
 * What is sent to write a year's self-assessment: each heading's assessment, trimmed, at most
 * `SELF_ASSESSMENT_LIMIT` characters, and at least one written. An empty heading is kept empty.
 */
export const selfAssessmentSchema = z
  .object(Object.fromEntries(SELF_ASSESSMENT_HEADINGS.map((h) => [h, optionalText(h, SELF_ASSESSMENT_LIMIT)])) as Record<SelfAssessmentHeading, ReturnType<typeof optionalText>>)
  .transform((value) => Object.fromEntries(SELF_ASSESSMENT_HEADINGS.map((h) => [h, value[h] ?? ''])) as SelfAssessmentText)
  .refine((value) => SELF_ASSESSMENT_HEADINGS.some((h) => value[h] !== ''), { error: 'form.selfAssessmentEmpty', path: ['accessibility'] });
