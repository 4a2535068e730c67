import { loadNonWorkingDays, loadTimescaleSettings, type Executor } from '@complaints/db';
import { createWorkingDayCalendar, resolveTimescales, type Timescales, type WorkingDayCalendar } from '@complaints/domain';
import { keptForAWhile } from './kept-for-a-while';

export type ProcessSettings = { timescales: Timescales; calendar: WorkingDayCalendar };

/**
 * The timescales and the working-day calendar as the organisation has set them. Read from the
 * database and kept for 30 seconds, so a page does not re-read them on every request; a change
 * made by an administrator calls `forgetProcessSettings`. That reaches this process only: another
 * process (a second back-office or portal instance, a separate worker) keeps what it read until
 * its 30 seconds are up, which the settings pages tell national office.
 */
const settings = keptForAWhile(async (db): Promise<ProcessSettings> => {
  const [stored, extraNonWorkingDays] = await Promise.all([loadTimescaleSettings(db), loadNonWorkingDays(db)]);
  return { timescales: resolveTimescales(stored), calendar: createWorkingDayCalendar({ extraNonWorkingDays }) };
}, 30_000);

export function loadProcessSettings(db: Executor, now?: number): Promise<ProcessSettings> {
  return settings.read(db, now);
}

export function forgetProcessSettings(db: Executor): void {
  settings.forget(db);
}
