import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { caseworkSettings, nonWorkingDays, timescaleSettings } from '../schema/index';

export async function loadTimescaleSettings(db: Executor): Promise<Array<{ key: string; workingDays: number }>> {
  return db.select({ key: timescaleSettings.key, workingDays: timescaleSettings.workingDays }).from(timescaleSettings);
}

/** Days an administrator added to the shipped bank holidays. */
export async function loadNonWorkingDays(db: Executor): Promise<string[]> {
  const rows = await db.select({ date: nonWorkingDays.date }).from(nonWorkingDays).orderBy(asc(nonWorkingDays.date));
  return rows.map((r) => r.date);
}

/** A yes-or-no setting of the procedure, or null when it has never been set (the default applies). */
export async function readCaseworkSetting(db: Executor, key: string): Promise<boolean | null> {
  const [row] = await db.select({ enabled: caseworkSettings.enabled }).from(caseworkSettings).where(eq(caseworkSettings.key, key)).limit(1);
  return row?.enabled ?? null;
}

export async function writeCaseworkSetting(db: Executor, key: string, enabled: boolean, staffId: string, at: Date): Promise<void> {
  await db
    .insert(caseworkSettings)
    .values({ key, enabled, updatedBy: staffId, updatedAt: at })
    .onConflictDoUpdate({ target: caseworkSettings.key, set: { enabled, updatedBy: staffId, updatedAt: at } });
}
