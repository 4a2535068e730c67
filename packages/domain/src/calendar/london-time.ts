import { type IsoDate, isoDateFromParts } from './iso-date';
import type { WorkingDayCalendar } from './working-days';

/**
 * The service works to the clock on the wall in England and Wales, whatever time zone the server
 * runs in. Turning an instant into a London date is the one place a time zone is needed, so it is
 * named explicitly here and nothing reads the process's local time.
 */

export interface LondonTime {
  date: IsoDate;
  hour: number;
  minute: number;
}

export interface WorkingHours {
  /** First hour of the working day, inclusive (London time). */
  startHour?: number;
  /** Hour the working day ends, exclusive: 17 means up to 16:59. */
  endHour?: number;
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  // h23 rather than hour12: false, which some engines render as "24" at midnight.
  hourCycle: 'h23',
});

// Within these bounds the London date is in years 1-9999, the range an IsoDate can name, whatever
// the offset. Date.UTC cannot be used for the first: it reads years 0-99 as 1900-1999.
const EARLIEST_INSTANT = -62_135_510_400_000; // 0001-01-02T00:00:00Z
const LATEST_INSTANT = Date.UTC(9999, 11, 31);

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): number {
  const value = parts.find((candidate) => candidate.type === type)?.value;
  if (value === undefined) throw new Error(`Intl gave no ${type} for Europe/London`);
  return Number(value);
}

export function londonTimeOf(instant: Date): LondonTime {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  if (time < EARLIEST_INSTANT || time > LATEST_INSTANT) {
    throw new RangeError(`Instant outside the supported range: ${instant.toISOString()}`);
  }
  const parts = LONDON.formatToParts(instant);
  return {
    date: isoDateFromParts(part(parts, 'year'), part(parts, 'month'), part(parts, 'day')),
    hour: part(parts, 'hour'),
    minute: part(parts, 'minute'),
  };
}

/** The calendar date in England and Wales at that instant. */
export function londonDateOf(instant: Date): IsoDate {
  return londonTimeOf(instant).date;
}

/** On a working day in London, with the London hour in [startHour, endHour). */
export function isWithinWorkingHours(
  instant: Date,
  calendar: Pick<WorkingDayCalendar, 'isWorkingDay'>,
  { startHour = 9, endHour = 17 }: WorkingHours = {},
): boolean {
  const whole = Number.isInteger(startHour) && Number.isInteger(endHour);
  if (!whole || startHour < 0 || endHour > 24 || startHour >= endHour) {
    throw new RangeError(`Working hours must satisfy 0 ≤ start < end ≤ 24, got ${startHour}–${endHour}`);
  }
  const { date, hour } = londonTimeOf(instant);
  return hour >= startHour && hour < endHour && calendar.isWorkingDay(date);
}
