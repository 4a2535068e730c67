import { asc } from 'drizzle-orm';
import type { Executor } from '../client';
import { nonWorkingDays, timescaleSettings } from '../schema/index';

export async function loadTimescaleSettings(db: Executor): Promise<Array<{ key: string; workingDays: number }>> {
  return db.select({ key: timescaleSettings.key, workingDays: timescaleSettings.workingDays }).from(timescaleSettings);
}

/** Days an administrator added to the shipped bank holidays. */
export async function loadNonWorkingDays(db: Executor): Promise<string[]> {
  const rows = await db.select({ date: nonWorkingDays.date }).from(nonWorkingDays).orderBy(asc(nonWorkingDays.date));
  return rows.map((r) => r.date);
}
