import type { IsoDate } from '../calendar/iso-date';
import { type Quarter, formatQuarter, quarterBounds, quarterDays, shiftQuarter } from './quarter';

/**
 * A reporting year: the financial year public bodies in England and Wales report by, 1 April to
 * 31 March, named by the calendar year it starts in and written "2026-27". It is made of four of
 * the report's quarters (2026-Q2, Q3, Q4 and 2027-Q1), so it starts and ends exactly where they do:
 * at midnight London time on 1 April.
 */
export type FinancialYear = { startYear: number };

const SHAPE = /^(\d{4})-(\d{2})$/;

/** "2026-27" as a financial year; undefined for anything else, "2026-28" and year 0000 included. */
export function parseFinancialYear(value: string): FinancialYear | undefined {
  const match = SHAPE.exec(value);
  if (!match) return undefined;
  const startYear = Number(match[1]);
  if (startYear < 1 || Number(match[2]) !== (startYear + 1) % 100) return undefined;
  return { startYear };
}

export function formatFinancialYear(year: FinancialYear): string {
  return `${String(year.startYear).padStart(4, '0')}-${String((year.startYear + 1) % 100).padStart(2, '0')}`;
}

/** The financial year a London date falls in: January to March belong to the year that started the April before. */
export function financialYearOf(date: IsoDate): FinancialYear {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { startYear: month >= 4 ? year : year - 1 };
}

/** The four quarters of the year, in order: April to June first, January to March last. */
export function quartersOfFinancialYear(year: FinancialYear): Quarter[] {
  const first: Quarter = { year: year.startYear, quarter: 2 };
  return [0, 1, 2, 3].map((n) => shiftQuarter(first, n));
}

/** The year's first and last days on the London calendar: 1 April and 31 March. */
export function financialYearDays(year: FinancialYear): { firstDay: IsoDate; lastDay: IsoDate } {
  const quarters = quartersOfFinancialYear(year);
  return { firstDay: quarterDays(quarters[0]!).firstDay, lastDay: quarterDays(quarters[3]!).lastDay };
}

/** The year as instants, counted as a quarter is: from its first quarter's start to its last quarter's end. */
export function financialYearBounds(year: FinancialYear): { start: Date; end: Date } {
  const quarters = quartersOfFinancialYear(year);
  return { start: quarterBounds(quarters[0]!).start, end: quarterBounds(quarters[3]!).end };
}

/**
 * The years a report may be asked for on a given day, newest first: the last whole year (the one
 * a board publishes), the year under way, and the `earlier` years before them.
 */
export function financialYearsTo(today: IsoDate, earlier = 4): FinancialYear[] {
  const current = financialYearOf(today).startYear;
  return Array.from({ length: earlier + 2 }, (_, i) => ({ startYear: current - i }));
}

/** The year's quarters as the quarterly report writes them ("2026-Q2" …). */
export function financialYearQuarterNames(year: FinancialYear): string[] {
  return quartersOfFinancialYear(year).map(formatQuarter);
}

/** Whether a quarter falls in the year. */
export function quarterInFinancialYear(q: Quarter, year: FinancialYear): boolean {
  return financialYearOf(quarterDays(q).firstDay).startYear === year.startYear;
}

