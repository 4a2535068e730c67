import { z } from 'zod';
import { optionalText, requiredText } from '../complaint/complaint-input';
import { TRIAGE_OUTCOMES, type TriageOutcome } from '../complaint/vocabulary';

/**
 * Triage of one point of a complaint: its category, and whether it is the organisation's to answer
 * or a matter for the court, with the reason. A court matter must also say how the complainant can
 * raise it with the court. Each point is triaged on its own: a complaint is never refused whole
 * because part of it is for the court.
 */
export const TRIAGE_LIMITS = { triageReason: 2000, courtRoute: 2000 } as const;

export const triageInputSchema = z
  .object({
    categoryKey: z
      .string({ error: 'category.required' })
      .trim()
      .min(1, { error: 'category.required' })
      .max(64, { error: 'category.invalid' })
      .regex(/^[a-z_]+$/, { error: 'category.invalid' }),
    outcome: z.enum(TRIAGE_OUTCOMES, { error: 'outcome.required' }),
    reason: requiredText('triageReason', TRIAGE_LIMITS.triageReason),
    courtRoute: optionalText('courtRoute', TRIAGE_LIMITS.courtRoute),
    /** The practitioner the point is about, when it is about one: the management review and the reports use it. */
    practitionerId: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .superRefine((input, ctx) => {
    if (input.outcome === 'court' && !input.courtRoute) {
      ctx.addIssue({ code: 'custom', path: ['courtRoute'], message: 'courtRoute.required' });
    }
  })
  // How to raise a point with the court means nothing for a point the organisation answers.
  .transform((input) => (input.outcome === 'organisation' ? { ...input, courtRoute: undefined } : input));

export type TriageInput = z.output<typeof triageInputSchema>;

/** How far triage has gone across a complaint's points. */
export function triageProgress(points: ReadonlyArray<{ triage: TriageOutcome | null }>): {
  triaged: number;
  total: number;
  courtMatters: number;
  complete: boolean;
} {
  const triaged = points.filter((p) => p.triage !== null).length;
  return {
    triaged,
    total: points.length,
    courtMatters: points.filter((p) => p.triage === 'court').length,
    complete: points.length > 0 && triaged === points.length,
  };
}
