import { type BankHoliday, bankHolidaysEnglandAndWales } from './bank-holidays';
import {
  type IsoDate,
  EARLIEST_ISO_YEAR,
  LATEST_ISO_YEAR,
  daysInMonth,
  daysInYear,
  isoDateFromParts,
  isoDateParts,
} from './iso-date';

export interface WorkingDayCalendarOptions {
  /** Days the office is closed on top of weekends and bank holidays, e.g. a building closure. */
  extraNonWorkingDays?: readonly IsoDate[];
  /** Days worked despite the rules; these win over everything else. */
  extraWorkingDays?: readonly IsoDate[];
}

export interface WorkingDayCalendar {
  /** Not a weekend, not a bank holiday, not an extra closure, or else listed as an extra working day. */
  isWorkingDay(date: IsoDate): boolean;
  /**
   * The n-th working day strictly after `date` for n ≥ 1 (received Friday + 1 is Monday), the
   * |n|-th strictly before it for n ≤ -1, and for n = 0 the date itself if it is a working day,
   * otherwise the next one.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** How many working days d there are with from < d ≤ to; negated when `to` is before `from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** The last working day strictly before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate;
  /** Bank holidays in England and Wales that year, for display. */
  bankHolidaysIn(year: number): BankHoliday[];
}

/*
 * One table per year, built on first use and kept: `before[i]` counts the working days earlier
 * in the year than day-of-year i, so "how many working days between" is a subtraction and "the
 * k-th working day" is a binary search. Reports that compute due dates for every complaint then
 * never recompute bank holidays or walk day by day.
 */
interface YearTable {
  readonly year: number;
  readonly working: Uint8Array;
  /** Length is days in the year + 1, so before[length] is the year's total. */
  readonly before: Int32Array;
  readonly total: number;
  /** Every date of the year, written out once so results need no formatting. */
  readonly dates: readonly IsoDate[];
}

const CUMULATIVE_DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function dayOfYearIndex(year: number, month: number, day: number): number {
  const leapDay = month > 2 && daysInYear(year) === 366 ? 1 : 0;
  return (CUMULATIVE_DAYS_BEFORE_MONTH[month - 1] ?? 0) + leapDay + day - 1;
}

function weekdayOfFirstJanuary(year: number): number {
  // Gauss's formula for 1 January, 0 = Sunday; valid for the proleptic Gregorian calendar.
  const y = year - 1;
  return (1 + 5 * (y % 4) + 4 * (y % 100) + 6 * (y % 400)) % 7;
}

function checkedDates(dates: readonly IsoDate[] | undefined, label: string): Map<number, number[]> {
  const byYear = new Map<number, number[]>();
  for (const date of dates ?? []) {
    let parts;
    try {
      parts = isoDateParts(date);
    } catch {
      throw new RangeError(`${label} contains something that is not an ISO date: ${JSON.stringify(date)}`);
    }
    const indices = byYear.get(parts.year) ?? [];
    indices.push(dayOfYearIndex(parts.year, parts.month, parts.day));
    byYear.set(parts.year, indices);
  }
  return byYear;
}

export function createWorkingDayCalendar(options: WorkingDayCalendarOptions = {}): WorkingDayCalendar {
  const closures = checkedDates(options.extraNonWorkingDays, 'extraNonWorkingDays');
  const openings = checkedDates(options.extraWorkingDays, 'extraWorkingDays');
  const tables = new Map<number, YearTable>();

  function buildTable(year: number): YearTable {
    const length = daysInYear(year);
    const working = new Uint8Array(length);
    const firstWeekday = weekdayOfFirstJanuary(year);
    for (let i = 0; i < length; i += 1) {
      const weekday = (firstWeekday + i) % 7;
      working[i] = weekday === 0 || weekday === 6 ? 0 : 1;
    }
    for (const { date } of bankHolidaysEnglandAndWales(year)) {
      const { month, day } = isoDateParts(date);
      working[dayOfYearIndex(year, month, day)] = 0;
    }
    for (const i of closures.get(year) ?? []) working[i] = 0;
    for (const i of openings.get(year) ?? []) working[i] = 1;

    const before = new Int32Array(length + 1);
    for (let i = 0; i < length; i += 1) before[i + 1] = (before[i] ?? 0) + (working[i] ?? 0);

    const dates: IsoDate[] = [];
    for (let month = 1; month <= 12; month += 1) {
      const days = daysInMonth(year, month);
      for (let day = 1; day <= days; day += 1) dates.push(isoDateFromParts(year, month, day));
    }
    return { year, working, before, total: before[length] ?? 0, dates };
  }

  function tableFor(year: number): YearTable {
    let table = tables.get(year);
    if (table === undefined) {
      if (year < EARLIEST_ISO_YEAR || year > LATEST_ISO_YEAR) {
        throw new RangeError(`Working days are only counted between years ${EARLIEST_ISO_YEAR} and ${LATEST_ISO_YEAR}`);
      }
      table = buildTable(year);
      tables.set(year, table);
    }
    return table;
  }

  function locate(date: IsoDate): { table: YearTable; index: number } {
    const { year, month, day } = isoDateParts(date);
    return { table: tableFor(year), index: dayOfYearIndex(year, month, day) };
  }

  function countBefore(table: YearTable, index: number): number {
    return table.before[index] ?? 0;
  }

  /** The day-of-year index of the working day with `ordinal` working days before it in the year. */
  function nthWorkingIndex(table: YearTable, ordinal: number): number {
    // Smallest j with before[j] > ordinal; the working day itself is j - 1.
    let low = 1;
    let high = table.working.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (countBefore(table, middle) > ordinal) high = middle;
      else low = middle + 1;
    }
    return low - 1;
  }

  function dateAt(table: YearTable, index: number): IsoDate {
    const date = table.dates[index];
    if (date === undefined) throw new RangeError(`No day ${index} in ${table.year}`);
    return date;
  }

  function forward(date: IsoDate, n: number): IsoDate {
    let { table, index } = locate(date);
    let remaining = n;
    // Whole years are skipped using their totals, so even a very large n costs one step a year.
    for (;;) {
      const afterInYear = table.total - countBefore(table, index + 1);
      if (remaining <= afterInYear) {
        return dateAt(table, nthWorkingIndex(table, countBefore(table, index + 1) + remaining - 1));
      }
      remaining -= afterInYear;
      table = tableFor(table.year + 1);
      index = -1;
    }
  }

  function backward(date: IsoDate, n: number): IsoDate {
    let { table, index } = locate(date);
    let remaining = n;
    for (;;) {
      const beforeInYear = countBefore(table, index);
      if (remaining <= beforeInYear) return dateAt(table, nthWorkingIndex(table, beforeInYear - remaining));
      remaining -= beforeInYear;
      table = tableFor(table.year - 1);
      index = table.working.length;
    }
  }

  function isWorkingDay(date: IsoDate): boolean {
    const { table, index } = locate(date);
    return table.working[index] === 1;
  }

  function addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of working days: ${n}`);
    if (n > 0) return forward(date, n);
    if (n < 0) return backward(date, -n);
    return isWorkingDay(date) ? date : forward(date, 1);
  }

  function workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const start = locate(from);
    const end = locate(to);
    if (start.table.year > end.table.year || (start.table.year === end.table.year && start.index > end.index)) {
      // 0 - x rather than -x, so an empty span backwards is 0 and not -0.
      return 0 - workingDaysBetween(to, from);
    }
    let count = countBefore(end.table, end.index + 1) - countBefore(start.table, start.index + 1);
    for (let year = start.table.year; year < end.table.year; year += 1) count += tableFor(year).total;
    return count;
  }

  return {
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    nextWorkingDay: (date) => forward(date, 1),
    previousWorkingDay: (date) => backward(date, 1),
    bankHolidaysIn: (year) => bankHolidaysEnglandAndWales(year),
  };
}
