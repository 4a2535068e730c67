import { type IsoDate, addDays, daysBetween } from '../calendar/iso-date';
import type { WorkingDayCalendar } from '../calendar/working-days';

/**
 * What the quarterly report counts, as rules: each is a function here and, where the database
 * must apply it to many rows, the SQL made from the same definition (`REPORT_SQL`). The
 * integration tests hold the two to the same figures.
 */

/**
 * Acknowledged within a working day: the acknowledgement went (London date) no later than the
 * first working day after the stage started. A complaint that came on a Friday may be
 * acknowledged on the Monday; one that came on the Thursday before Good Friday, on the Tuesday
 * after Easter Monday.
 */
export function acknowledgedWithinWorkingDay(startedOn: IsoDate, acknowledgedOn: IsoDate | null, calendar: WorkingDayCalendar): boolean {
  return acknowledgedOn !== null && acknowledgedOn <= calendar.addWorkingDays(startedOn, 1);
}

/**
 * Passed to the manager within the working day: assigned (London date) on or before the day the
 * stage set for passing it on, as the dashboard counts it (`passedToManager`).
 */
export function passedWithinWorkingDay(assignedOn: IsoDate | null, passToManagerDueOn: IsoDate): boolean {
  return assignedOn !== null && assignedOn <= passToManagerDueOn;
}

/**
 * Answered on time: the response went (London date) on or before the stage's response date as it
 * stood, which an extension set later and each pause moved on by the working days it stood still.
 */
export function answeredOnTime(sentOn: IsoDate, responseDueOn: IsoDate): boolean {
  return sentOn <= responseDueOn;
}

/**
 * The working days a stage took: from the day it started to the day its response went, counted as
 * `workingDaysBetween` counts them (the start day not counted, the day sent counted), less the
 * working days the clock stood still while we waited on the complainant.
 */
export function workingDaysTaken(startedOn: IsoDate, sentOn: IsoDate, pausedWorkingDays: number, calendar: WorkingDayCalendar): number {
  return calendar.workingDaysBetween(startedOn, sentOn) - pausedWorkingDays;
}

/**
 * The calendar as the database reads it in a report: each day from `from` to `to` with the
 * number of working days from `from` up to and including it (so between two days is a
 * subtraction, exactly `workingDaysBetween`), and the first working day after it (so "within a
 * working day" is one comparison, exactly `addWorkingDays(day, 1)`).
 */
export type ReportCalendar = { days: IsoDate[]; workingDayNumbers: number[]; nextWorkingDays: IsoDate[] };

export function reportCalendar(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate): ReportCalendar {
  const days: IsoDate[] = [];
  const workingDayNumbers: number[] = [];
  const nextWorkingDays: IsoDate[] = [];
  let count = 0;
  for (let i = 0, n = daysBetween(from, to); i <= n; i += 1) {
    const day = addDays(from, i);
    if (calendar.isWorkingDay(day)) count += 1;
    days.push(day);
    workingDayNumbers.push(count);
    nextWorkingDays.push(calendar.nextWorkingDay(day));
  }
  return { days, workingDayNumbers, nextWorkingDays };
}

/**
 * How far back a report's calendar reaches before the quarter: a stage answered in the quarter
 * that started earlier than this is counted in the figures of its quarter but has no working days
 * taken (the database finds no day to count from).
 */
export const REPORT_CALENDAR_YEARS_BEFORE = 10;

/** The span of days a quarter's report needs in its calendar. */
export function reportCalendarSpan(firstDay: IsoDate, lastDay: IsoDate): { from: IsoDate; to: IsoDate } {
  const year = Number(firstDay.slice(0, 4)) - REPORT_CALENDAR_YEARS_BEFORE;
  return { from: `${String(Math.max(1, year)).padStart(4, '0')}-01-01`, to: lastDay };
}

/**
 * The rules above as SQL over column expressions, for the report's queries. Each takes SQL text
 * (a column, or an expression of the report calendar) and gives SQL text.
 */
export const REPORT_SQL = {
  /** The quarter a date falls in, written as `formatQuarter` writes it ("2026-Q3"). */
  quarterOf: (date: string) => `to_char(${date}, 'YYYY"-Q"Q')`,
  /** The London date of an instant (a `timestamptz`). */
  londonDate: (instant: string) => `((${instant}) at time zone 'Europe/London')::date`,
  // Not acknowledged (or not assigned) compares as unknown, and so counts as not in time. Each
  // date is written once: the database works out a London date again at each mention, row by row.
  acknowledgedWithinWorkingDay: (nextWorkingDayAfterStart: string, acknowledgedOn: string) =>
    `coalesce(${acknowledgedOn} <= ${nextWorkingDayAfterStart}, false)`,
  passedWithinWorkingDay: (assignedOn: string, passToManagerDueOn: string) => `coalesce(${assignedOn} <= ${passToManagerDueOn}, false)`,
  answeredOnTime: (sentOn: string, responseDueOn: string) => `(${sentOn} <= ${responseDueOn})`,
  /** From the report calendar's working-day numbers of the start and the day sent. */
  workingDaysTaken: (startNumber: string, sentNumber: string, pausedWorkingDays: string) => `(${sentNumber} - ${startNumber} - ${pausedWorkingDays})`,
  /** `percentile` in SQL: an ordered-set aggregate over the group, rounded as the domain rounds. */
  percentile: (p: number, expression: string) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`A percentile is between 0 and 1, got ${p}`);
    return `round((percentile_cont(${p}) within group (order by ${expression}))::numeric, 2)::float8`;
  },
} as const;

/** The percentile of working days the timescales section gives beside the median: the 90th. */
export const REPORT_PERCENTILE = 0.9;
