import { loadNonWorkingDays, loadTimescaleSettings, type Executor } from '@complaints/db';
import { createWorkingDayCalendar, resolveTimescales, type Timescales, type WorkingDayCalendar } from '@complaints/domain';

export type ProcessSettings = { timescales: Timescales; calendar: WorkingDayCalendar };

const CACHE_MS = 30_000;
const cache = new WeakMap<object, { at: number; settings: Promise<ProcessSettings> }>();

/**
 * The timescales and the working-day calendar as the organisation has set them. Read from the
 * database and kept for 30 seconds, so a page does not re-read them on every request; a change
 * made by an administrator calls `forgetProcessSettings`. That reaches this process only: another
 * process (a second back-office or portal instance, a separate worker) keeps what it read until
 * its 30 seconds are up, which the settings pages tell national office.
 */
export function loadProcessSettings(db: Executor, now: number = performance.now()): Promise<ProcessSettings> {
  const cached = cache.get(db);
  if (cached && now - cached.at < CACHE_MS) return cached.settings;
  const settings = (async () => {
    const [stored, extraNonWorkingDays] = await Promise.all([loadTimescaleSettings(db), loadNonWorkingDays(db)]);
    return { timescales: resolveTimescales(stored), calendar: createWorkingDayCalendar({ extraNonWorkingDays }) };
  })();
  cache.set(db, { at: now, settings });
  settings.catch(() => cache.delete(db));
  return settings;
}

export function forgetProcessSettings(db: Executor): void {
  cache.delete(db);
}
