import { type IsoDate, addDays, isoDateFromParts } from '../calendar/iso-date';
import { londonDateOf } from '../calendar/london-time';

/**
 * A reporting quarter: January to March is Q1. Reports count by the calendar in England and
 * Wales, so a quarter starts at midnight London time on its first day (00:00 GMT on 1 January,
 * 23:00 GMT the evening before 1 April, 1 July and 1 October, which fall in summer time) and ends
 * where the next one starts.
 */
export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

const SHAPE = /^(\d{4})-Q([1-4])$/;

/** "2026-Q3" as a quarter; undefined for anything else (lower case, spaces, year 0000 included). */
export function parseQuarter(value: string): Quarter | undefined {
  const match = SHAPE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1) return undefined;
  return { year, quarter: Number(match[2]) as Quarter['quarter'] };
}

export function formatQuarter(q: Quarter): string {
  return `${String(q.year).padStart(4, '0')}-Q${q.quarter}`;
}

/** The quarter a London date falls in. */
export function quarterOf(date: IsoDate): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

/** The quarter `n` quarters after this one (before it for negative n). */
export function shiftQuarter(q: Quarter, n: number): Quarter {
  const index = q.year * 4 + (q.quarter - 1) + n;
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter['quarter'] };
}

/** The quarter's first and last days on the London calendar. */
export function quarterDays(q: Quarter): { firstDay: IsoDate; lastDay: IsoDate } {
  const firstDay = isoDateFromParts(q.year, (q.quarter - 1) * 3 + 1, 1);
  const next = shiftQuarter(q, 1);
  return { firstDay, lastDay: addDays(isoDateFromParts(next.year, (next.quarter - 1) * 3 + 1, 1), -1) };
}

/** The instant a London day starts: midnight GMT in winter, 23:00 GMT the evening before in summer. */
export function londonMidnight(date: IsoDate): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const hourBefore = new Date(utcMidnight.getTime() - 3_600_000);
  return londonDateOf(hourBefore) === date ? hourBefore : utcMidnight;
}

/**
 * The quarter as instants: from the start of its first London day (inclusive) to the start of
 * the next quarter's (exclusive). Moments (a letter sent, a complaint closed) are counted in the
 * quarter when start ≤ moment < end; dates (the day a complaint reached us) when
 * firstDay ≤ date ≤ lastDay. The two agree: a moment's London date is in the quarter exactly when
 * the moment is.
 */
export function quarterBounds(q: Quarter): { start: Date; end: Date } {
  return { start: londonMidnight(quarterDays(q).firstDay), end: londonMidnight(quarterDays(shiftQuarter(q, 1)).firstDay) };
}

/** The quarter and the three before it, oldest first: the four quarters a trend is shown over. */
export function fourQuartersTo(q: Quarter): Quarter[] {
  return [-3, -2, -1, 0].map((n) => shiftQuarter(q, n));
}
