/**
 * Calendar dates as `YYYY-MM-DD` strings. A date here is a day on the calendar, not an instant, so
 * all arithmetic is on whole days counted from 1970-01-01 with integer formulas that never consult
 * a time zone (neither the process's nor any other).
 */
export type IsoDate = string;

export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface IsoDateParts {
  year: number;
  month: number;
  day: number;
}

export const EARLIEST_ISO_YEAR = 1;
export const LATEST_ISO_YEAR = 9999;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= EARLIEST_ISO_YEAR &&
    year <= LATEST_ISO_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function partsOrUndefined(value: string): IsoDateParts | undefined {
  const match = SHAPE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return validParts(year, month, day) ? { year, month, day } : undefined;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && partsOrUndefined(value) !== undefined;
}

/** The date if `value` is a real calendar date written `YYYY-MM-DD` (surrounding spaces allowed). */
export function parseIsoDate(value: string): IsoDate | undefined {
  const trimmed = value.trim();
  return partsOrUndefined(trimmed) === undefined ? undefined : trimmed;
}

/** Throws a RangeError for anything that is not a real calendar date, so mistakes surface early. */
export function isoDateParts(date: IsoDate): IsoDateParts {
  const parts = partsOrUndefined(date);
  if (parts === undefined) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parts;
}

/** Month is 1-12, as written, not 0-11 as in Date. */
export function isoDateFromParts(year: number, month: number, day: number): IsoDate {
  if (!validParts(year, month, day)) {
    throw new RangeError(`Not a calendar date: year ${year}, month ${month}, day ${day}`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/*
 * Days-from-civil and civil-from-days after Howard Hinnant's public-domain algorithms: the
 * proleptic Gregorian calendar is split into 400-year eras of 146097 days, with years starting
 * in March so the leap day falls at the end. Pure integer arithmetic, so no Date is involved and
 * years 1-99 are not mistaken for 1901-1999 as Date.UTC would.
 */
function epochDayFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function partsFromEpochDay(epochDay: number): IsoDateParts {
  const shifted = epochDay + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Days since 1970-01-01 (negative before it). */
export function epochDayOf(date: IsoDate): number {
  const { year, month, day } = isoDateParts(date);
  return epochDayFromParts(year, month, day);
}

export function isoDateFromEpochDay(epochDay: number): IsoDate {
  if (!Number.isInteger(epochDay)) throw new RangeError(`Not a whole day: ${epochDay}`);
  const { year, month, day } = partsFromEpochDay(epochDay);
  return isoDateFromParts(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return isoDateFromEpochDay(epochDayOf(date) + days);
}

/** Positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDayOf(to) - epochDayOf(from);
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function dayOfWeek(date: IsoDate): DayOfWeek {
  // 1970-01-01 was a Thursday (4); the double modulo keeps earlier dates positive.
  return ((((epochDayOf(date) + 4) % 7) + 7) % 7) as DayOfWeek;
}

export function compareIsoDate(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  // Fixed-width, zero-padded strings sort the same way as the dates they name.
  isoDateParts(a);
  isoDateParts(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
