import { z } from 'zod';
import { isIsoDate } from '../calendar/index';
import { optionalText, requiredText } from '../complaint/complaint-input';
import { POINT_DECISIONS } from '../complaint/vocabulary';

/**
 * The answer to one point, as the responding manager records it: the decision, the reasons, and
 * for a point the organisation answers, what should have happened against what did and the policy
 * or standard that applied; any remedy; and the actions promised, each with who will do it and by
 * when. A point for the court is answered too: it says so, and the letter says how to raise it.
 */

export const ANSWER_LIMITS = { reasons: 5000, whatShouldHaveHappened: 3000, whatHappened: 3000, standardCited: 500, remedy: 3000, actionDescription: 1000, actionOwner: 200, actions: 10 } as const;

const actionSchema = z.object({
  description: requiredText('actionDescription', ANSWER_LIMITS.actionDescription),
  ownerName: requiredText('actionOwner', ANSWER_LIMITS.actionOwner),
  dueOn: z.string({ error: 'actionDueOn.required' }).refine(isIsoDate, { error: 'actionDueOn.invalid' }),
});

export const pointAnswerSchema = z
  .object({
    pointId: z.guid({ error: 'point.invalid' }),
    decision: z.enum(POINT_DECISIONS, { error: 'decision.required' }),
    reasons: requiredText('reasons', ANSWER_LIMITS.reasons),
    whatShouldHaveHappened: optionalText('whatShouldHaveHappened', ANSWER_LIMITS.whatShouldHaveHappened),
    whatHappened: optionalText('whatHappened', ANSWER_LIMITS.whatHappened),
    standardCited: optionalText('standardCited', ANSWER_LIMITS.standardCited),
    remedy: optionalText('remedy', ANSWER_LIMITS.remedy),
    actions: z.array(actionSchema).max(ANSWER_LIMITS.actions, { error: 'actions.tooMany' }).default([]),
  })
  .superRefine((answer, ctx) => {
    if (answer.decision === 'court_matter') return;
    // Measured against what should have happened: the standard, and the two sides of it.
    for (const field of ['standardCited', 'whatShouldHaveHappened', 'whatHappened'] as const) {
      if (!answer[field]) ctx.addIssue({ code: 'custom', path: [field], message: `${field}.required` });
    }
  });

export type PointAnswer = z.output<typeof pointAnswerSchema>;
