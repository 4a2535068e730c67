import type { FieldProblem } from '../complaint/complaint-input';
import { requiredText } from '../complaint/complaint-input';
import { type BankHolidayKey, bankHolidaysEnglandAndWales } from '../calendar/bank-holidays';
import { type IsoDate, dayOfWeek, isIsoDate, isoDateParts } from '../calendar/iso-date';

/**
 * Days national office adds to the calendar on top of weekends and bank holidays, such as an
 * office closure. Each is a day the service does not count as a working day from then on.
 */
export const NON_WORKING_DAY_LIMITS = {
  description: 200,
  /** A day may be added up to the end of the year after next: further on is more likely a slip of the keyboard than a plan. */
  yearsAhead: 2,
} as const;

/** A problem with a day as typed; a bank holiday is named, so the words can say which it is. */
export type NonWorkingDayProblem = FieldProblem & { field: 'date' | 'description'; holiday?: BankHolidayKey };

export type NonWorkingDayCheck = { ok: true; date: IsoDate; description: string } | { ok: false; problems: NonWorkingDayProblem[] };

/** The last day that may be added, counted from today in London. */
export function latestNonWorkingDay(today: IsoDate): IsoDate {
  return `${String(isoDateParts(today).year + NON_WORKING_DAY_LIMITS.yearsAhead).padStart(4, '0')}-12-31`;
}

const description = requiredText('description', NON_WORKING_DAY_LIMITS.description);

/**
 * A day to add: a real date, from today (in London) on, not already a weekend, a bank holiday
 * or a day added before, and a description that says why. Today is allowed, for a closure
 * decided on the day; a day gone by is not, since due dates and reminders have already been
 * counted over it.
 */
export function checkNonWorkingDay(args: {
  /** As `dateFromParts` reads the form's boxes: a date, or "missing" or "invalid". */
  date: string;
  description: unknown;
  today: IsoDate;
  alreadyAdded: readonly IsoDate[];
}): NonWorkingDayCheck {
  const problems: NonWorkingDayProblem[] = [];
  const date = args.date.trim();
  if (date === '' || date === 'missing') problems.push({ field: 'date', message: 'date.required' });
  else if (!isIsoDate(date)) problems.push({ field: 'date', message: 'date.invalid' });
  else {
    const weekday = dayOfWeek(date);
    const holiday = bankHolidaysEnglandAndWales(isoDateParts(date).year).find((h) => h.date === date);
    if (date < args.today) problems.push({ field: 'date', message: 'date.inPast' });
    else if (date > latestNonWorkingDay(args.today)) problems.push({ field: 'date', message: 'date.tooFar' });
    else if (weekday === 0 || weekday === 6) problems.push({ field: 'date', message: 'date.weekend' });
    else if (holiday) problems.push({ field: 'date', message: 'date.bankHoliday', holiday: holiday.key });
    else if (args.alreadyAdded.includes(date)) problems.push({ field: 'date', message: 'date.alreadyAdded' });
  }
  const described = description.safeParse(typeof args.description === 'string' ? args.description : '');
  if (!described.success) problems.push({ field: 'description', message: described.error.issues[0]?.message ?? 'description.required' });
  if (problems.length > 0 || !described.success) return { ok: false, problems };
  return { ok: true, date, description: described.data };
}

export type NonWorkingDayRemoval = { ok: true } | { ok: false; reason: 'not_listed' | 'day_passed' };

/**
 * A day added may be taken off again while it is still ahead. From its morning on it has been
 * counted (reminders held back, due dates set over it), so it stays as a record of what was.
 */
export function checkNonWorkingDayRemoval(date: string, today: IsoDate, added: readonly IsoDate[]): NonWorkingDayRemoval {
  if (!isIsoDate(date) || !added.includes(date)) return { ok: false, reason: 'not_listed' };
  if (date <= today) return { ok: false, reason: 'day_passed' };
  return { ok: true };
}
