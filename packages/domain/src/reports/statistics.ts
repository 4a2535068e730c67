/**
 * The percentile of a report, one definition for the domain and the database: linear
 * interpolation between the closest ranks, as PostgreSQL's `percentile_cont` and spreadsheets'
 * PERCENTILE.INC compute it. For n sorted values the p-th percentile sits at rank h = (n - 1)p
 * (from 0): the value there, or the point that fraction of the way to the next. The median is the
 * 50th; of an even number of values it is the mean of the middle two. Figures are rounded to two
 * decimal places, so the database's floating point and ours give the same number.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`A percentile is between 0 and 1, got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const below = sorted[lower] as number;
  const above = sorted[Math.min(lower + 1, sorted.length - 1)] as number;
  return roundFigure(below + (h - lower) * (above - below));
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

/** Two decimal places, halves away from zero as PostgreSQL's `round(numeric, 2)` does. */
export function roundFigure(value: number): number {
  const scaled = Math.round(Math.abs(value) * 100 + 1e-9) / 100;
  return value < 0 ? -scaled : scaled;
}

/** A share as a figure: part of whole to two decimal places (0.67 for two of three); null of none. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : roundFigure(part / whole);
}
