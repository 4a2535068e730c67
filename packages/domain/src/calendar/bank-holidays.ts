import { type IsoDate, addDays, dayOfWeek, daysInMonth, isoDateFromParts, isoDateParts } from './iso-date';

/**
 * Bank holidays in England and Wales: the standing rules, then the one-off changes made by royal
 * proclamation. The rules have been in this shape since the Early May bank holiday began in 1978;
 * earlier years are computed with the same rules and are not historically accurate.
 */

export type RuleBankHolidayKey =
  | 'new-year'
  | 'good-friday'
  | 'easter-monday'
  | 'early-may'
  | 'spring'
  | 'summer'
  | 'christmas'
  | 'boxing-day';

export type ExtraBankHolidayKey =
  | 'royal-wedding'
  | 'millennium'
  | 'golden-jubilee'
  | 'diamond-jubilee'
  | 'platinum-jubilee'
  | 'state-funeral-queen-elizabeth-ii'
  | 'coronation-king-charles-iii';

/** Every key a bank holiday can carry, so the interface can check it has a name for each. */
export type BankHolidayKey = RuleBankHolidayKey | ExtraBankHolidayKey;

export const BANK_HOLIDAY_KEYS: readonly BankHolidayKey[] = [
  'new-year',
  'good-friday',
  'easter-monday',
  'early-may',
  'spring',
  'summer',
  'christmas',
  'boxing-day',
  'royal-wedding',
  'millennium',
  'golden-jubilee',
  'diamond-jubilee',
  'platinum-jubilee',
  'state-funeral-queen-elizabeth-ii',
  'coronation-king-charles-iii',
];

export interface BankHoliday {
  date: IsoDate;
  key: BankHolidayKey;
}

export type BankHolidayException =
  /** A rule holiday held on another day that year. `from` is the rule date, kept as a cross-check. */
  | { kind: 'moved'; key: RuleBankHolidayKey; year: number; from?: IsoDate; to: IsoDate }
  /** A holiday on top of the usual ones. */
  | { kind: 'extra'; date: IsoDate; key: ExtraBankHolidayKey };

/**
 * One-off changes by proclamation. New ones are announced months ahead; add them here, with the
 * rule date in `from` so a mistake in either shows up in the tests.
 */
export const bankHolidayExceptions: readonly BankHolidayException[] = [
  { kind: 'extra', date: '1981-07-29', key: 'royal-wedding' },
  // 50th anniversary of VE Day.
  { kind: 'moved', key: 'early-may', year: 1995, from: '1995-05-01', to: '1995-05-08' },
  { kind: 'extra', date: '1999-12-31', key: 'millennium' },
  // Golden Jubilee: the Spring bank holiday moved to Tuesday, with the Monday added.
  { kind: 'moved', key: 'spring', year: 2002, from: '2002-05-27', to: '2002-06-04' },
  { kind: 'extra', date: '2002-06-03', key: 'golden-jubilee' },
  { kind: 'extra', date: '2011-04-29', key: 'royal-wedding' },
  // Diamond Jubilee: the Spring bank holiday moved to Monday 4 June, with Tuesday added.
  { kind: 'moved', key: 'spring', year: 2012, from: '2012-05-28', to: '2012-06-04' },
  { kind: 'extra', date: '2012-06-05', key: 'diamond-jubilee' },
  // 75th anniversary of VE Day.
  { kind: 'moved', key: 'early-may', year: 2020, from: '2020-05-04', to: '2020-05-08' },
  // Platinum Jubilee: the Spring bank holiday moved to Thursday 2 June, with Friday added.
  { kind: 'moved', key: 'spring', year: 2022, from: '2022-05-30', to: '2022-06-02' },
  { kind: 'extra', date: '2022-06-03', key: 'platinum-jubilee' },
  { kind: 'extra', date: '2022-09-19', key: 'state-funeral-queen-elizabeth-ii' },
  { kind: 'extra', date: '2023-05-08', key: 'coronation-king-charles-iii' },
];

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDateFromParts(year, month, day);
}

const SUNDAY = 0;
const MONDAY = 1;
const FRIDAY = 5;
const SATURDAY = 6;

function firstMonday(year: number, month: number): IsoDate {
  const first = isoDateFromParts(year, month, 1);
  return addDays(first, (MONDAY - dayOfWeek(first) + 7) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = isoDateFromParts(year, month, daysInMonth(year, month));
  return addDays(last, -((dayOfWeek(last) - MONDAY + 7) % 7));
}

/** New Year's Day at the weekend is held on the Monday after. */
function newYearHeld(year: number): IsoDate {
  const newYear = isoDateFromParts(year, 1, 1);
  const weekday = dayOfWeek(newYear);
  return weekday === SATURDAY ? addDays(newYear, 2) : weekday === SUNDAY ? addDays(newYear, 1) : newYear;
}

/**
 * Christmas and Boxing Day end up on the first two weekdays from 25 December. The Banking and
 * Financial Dealings Act 1971 puts Boxing Day on 27 December when the 25th or 26th is a Sunday,
 * and proclamation supplies Christmas's substitute, so with Christmas on a Sunday, Monday 26 is
 * Boxing Day and Tuesday 27 is Christmas.
 */
function christmasHeld(year: number): { christmas: IsoDate; boxingDay: IsoDate } {
  const day = (d: number): IsoDate => isoDateFromParts(year, 12, d);
  switch (dayOfWeek(day(25))) {
    case SATURDAY:
      return { christmas: day(27), boxingDay: day(28) };
    case SUNDAY:
      return { christmas: day(27), boxingDay: day(26) };
    case FRIDAY:
      return { christmas: day(25), boxingDay: day(28) };
    default:
      return { christmas: day(25), boxingDay: day(26) };
  }
}

/** The rule dates only, before any one-off change. Sorted by date. */
export function bankHolidaysByRule(year: number): BankHoliday[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a supported year: ${year}`);
  const easter = easterSunday(year);
  const { christmas, boxingDay } = christmasHeld(year);
  const holidays: BankHoliday[] = [
    { date: newYearHeld(year), key: 'new-year' },
    { date: addDays(easter, -2), key: 'good-friday' },
    { date: addDays(easter, 1), key: 'easter-monday' },
    { date: firstMonday(year, 5), key: 'early-may' },
    { date: lastMonday(year, 5), key: 'spring' },
    { date: lastMonday(year, 8), key: 'summer' },
    { date: christmas, key: 'christmas' },
    { date: boxingDay, key: 'boxing-day' },
  ];
  return holidays.sort(byDate);
}

function byDate(a: BankHoliday, b: BankHoliday): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

function exceptionYear(exception: BankHolidayException): number {
  return exception.kind === 'moved' ? exception.year : isoDateParts(exception.date).year;
}

/** Bank holidays in England and Wales for a year, with the one-off changes applied. Sorted by date. */
export function bankHolidaysEnglandAndWales(year: number): BankHoliday[] {
  const holidays = bankHolidaysByRule(year);
  for (const exception of bankHolidayExceptions) {
    if (exceptionYear(exception) !== year) continue;
    if (exception.kind === 'extra') {
      holidays.push({ date: exception.date, key: exception.key });
      continue;
    }
    const moved = holidays.find((holiday) => holiday.key === exception.key);
    if (moved === undefined || (exception.from !== undefined && exception.from !== moved.date)) {
      throw new Error(`Bank holiday exception does not match the rule: ${JSON.stringify(exception)}`);
    }
    moved.date = exception.to;
  }
  return holidays.sort(byDate);
}
