import { z } from 'zod';
import { optionalText } from '../complaint/complaint-input';

/**
 * The CSQ manager's check of the file before a complaint is closed, against the electronic record.
 * Each item is ticked with a note. The first two are facts the record holds, so a tick cannot
 * claim what the record denies; the third needs the reason when the timescale was missed.
 */
export const CLOSURE_CHECK_ITEMS = ['points_answered', 'letters_approved_and_sent', 'timescales_met', 'record_complete'] as const;
export type ClosureCheckItem = (typeof CLOSURE_CHECK_ITEMS)[number];

export const CLOSURE_NOTE_LIMIT = 2000;

export const closureCheckSchema = z.object(
  Object.fromEntries(
    CLOSURE_CHECK_ITEMS.map((item) => [item, z.object({ done: z.boolean().default(false), note: optionalText(`${item}Note`, CLOSURE_NOTE_LIMIT) })]),
  ) as Record<ClosureCheckItem, z.ZodObject<{ done: z.ZodDefault<z.ZodBoolean>; note: ReturnType<typeof optionalText> }>>,
);
export type ClosureCheckInput = z.output<typeof closureCheckSchema>;

/** What the record says, for the items that are facts. */
export type ClosureRecord = {
  unansweredPoints: number;
  lettersNotSent: number;
  /** Whether each stage's response went on or before its due date. */
  responsesOnTime: boolean;
};

export type ClosureCheckResult = {
  complete: boolean;
  /** Items that cannot be ticked as they are, and why. */
  problems: Array<{ field: string; message: string }>;
  items: Record<ClosureCheckItem, { done: boolean; note: string }>;
};

/** Judges a closure check: complete only when every item is ticked and the record agrees. */
export function judgeClosureCheck(input: ClosureCheckInput, record: ClosureRecord): ClosureCheckResult {
  const problems: ClosureCheckResult['problems'] = [];
  if (input.points_answered.done && record.unansweredPoints > 0) problems.push({ field: 'points_answered', message: 'points_answered.notTrue' });
  if (input.letters_approved_and_sent.done && record.lettersNotSent > 0) problems.push({ field: 'letters_approved_and_sent', message: 'letters_approved_and_sent.notTrue' });
  if (input.timescales_met.done && !record.responsesOnTime && !input.timescales_met.note) problems.push({ field: 'timescales_met', message: 'timescales_met.reasonRequired' });
  const items = Object.fromEntries(CLOSURE_CHECK_ITEMS.map((i) => [i, { done: input[i].done, note: input[i].note ?? '' }])) as ClosureCheckResult['items'];
  return { complete: problems.length === 0 && CLOSURE_CHECK_ITEMS.every((i) => input[i].done), problems, items };
}
