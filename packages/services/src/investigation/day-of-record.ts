import { type FieldProblem, type IsoDate, isIsoDate } from '@complaints/domain';
import { z } from 'zod';

/**
 * The day something happened (a letter came, a call was made), as the date boxes give it: a date,
 * or `missing` or `invalid` (see `dateFromParts`). It cannot be in the future, nor before the
 * complaint reached us: what came before that is evidence for a note, not correspondence on it.
 */
export function dayOfRecordSchema(field: string) {
  return z.string({ error: `${field}.required` }).superRefine((value, ctx) => {
    if (value === 'missing' || value.trim() === '') ctx.addIssue({ code: 'custom', message: `${field}.required` });
    else if (!isIsoDate(value)) ctx.addIssue({ code: 'custom', message: `${field}.invalid` });
  });
}

/** The problem with a real date, or null: `earliest` is the day the complaint reached us, when known. */
export function dayOfRecordProblem(field: string, day: string, today: IsoDate, earliest: string | null): FieldProblem | null {
  if (day > today) return { field, message: `${field}.inFuture` };
  if (earliest !== null && day < earliest) return { field, message: `${field}.beforeReceived` };
  return null;
}
