import { type IsoDate, isIsoDate } from '@complaints/domain';
import { z } from 'zod';

/**
 * A day typed into a form's day, month and year boxes, as `dateFromParts` reads them: a date, or
 * "missing" or "invalid". Checked with the rest of the form, so every problem shows at once.
 */
export function enteredDay(field: string) {
  return z.string({ error: `${field}.required` }).transform((value, ctx): IsoDate => {
    if (value === 'missing' || value.trim() === '') ctx.addIssue({ code: 'custom', message: `${field}.required` });
    else if (!isIsoDate(value)) ctx.addIssue({ code: 'custom', message: `${field}.invalid` });
    return value.trim();
  });
}
