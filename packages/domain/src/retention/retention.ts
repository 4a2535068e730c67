/**
 * Retention: how long a complaint is kept once it is over, and when it is anonymised. A complaint
 * is over when it is closed or withdrawn; its schedule runs from that moment, in whole years
 * (national office may change it; six unless they do).
 */
export const DEFAULT_RETENTION_YEARS = 6;
export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 50;

/** States from which retention anonymises a complaint: it is over and nothing more is owed. */
export const RETENTION_STATES = ['closed', 'withdrawn'] as const;

/** The setting's key in `retention_settings`. */
export const RETENTION_SETTING_KEY = 'complaints';

export function isRetentionYears(years: unknown): years is number {
  return typeof years === 'number' && Number.isInteger(years) && years >= MIN_RETENTION_YEARS && years <= MAX_RETENTION_YEARS;
}

/**
 * The moment before which a complaint closed (or withdrawn) has been kept long enough: `years`
 * calendar years before now, in UTC (the database's `now() - make_interval(years => n)` agrees).
 */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/** Whether a complaint that ended at `endedAt` is due to be anonymised now. */
export function retentionExpired(endedAt: Date | null, now: Date, years: number): boolean {
  return endedAt !== null && endedAt.getTime() < retentionCutoff(now, years).getTime();
}
