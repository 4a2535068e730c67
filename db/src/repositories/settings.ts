import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { caseworkSettings, nonWorkingDays, staff, timescaleSettings } from '../schema/index';

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

/**
 * Holds the timescales still for the rest of the transaction, so two people saving at once each
 * compare against what the other wrote and the audit's "from" is what was really there.
 */
export async function lockTimescaleSettings(tx: Executor): Promise<void> {
  await tx.execute(sql`lock table timescale_settings in share row exclusive mode`);
}

export async function writeTimescaleSetting(tx: Executor, key: string, workingDays: number, staffId: string, at: Date): Promise<void> {
  await tx
    .insert(timescaleSettings)
    .values({ key, workingDays, updatedBy: staffId, updatedAt: at })
    .onConflictDoUpdate({ target: timescaleSettings.key, set: { workingDays, updatedBy: staffId, updatedAt: at } });
}

/** When each stored timescale was last changed and by whom (none for a timescale never changed). */
export async function timescaleSettingChanges(db: Executor): Promise<Array<{ key: string; updatedAt: Date; updatedByName: string | null }>> {
  return db
    .select({ key: timescaleSettings.key, updatedAt: timescaleSettings.updatedAt, updatedByName: staff.fullName })
    .from(timescaleSettings)
    .leftJoin(staff, eq(staff.id, timescaleSettings.updatedBy));
}

export type NonWorkingDayEntry = { date: string; description: string; addedByName: string | null; addedAt: Date };

/** The days added, with why and by whom, earliest first. */
export async function listNonWorkingDays(db: Executor): Promise<NonWorkingDayEntry[]> {
  return db
    .select({ date: nonWorkingDays.date, description: nonWorkingDays.description, addedByName: staff.fullName, addedAt: nonWorkingDays.addedAt })
    .from(nonWorkingDays)
    .leftJoin(staff, eq(staff.id, nonWorkingDays.addedBy))
    .orderBy(asc(nonWorkingDays.date));
}

/** Adds a day; false when it was there already (someone else added it meanwhile). */
export async function addNonWorkingDay(tx: Executor, day: { date: string; description: string; staffId: string; at: Date }): Promise<boolean> {
  const rows = await tx
    .insert(nonWorkingDays)
    .values({ date: day.date, description: day.description, addedBy: day.staffId, addedAt: day.at })
    .onConflictDoNothing()
    .returning({ date: nonWorkingDays.date });
  return rows.length > 0;
}

/** Takes a day off the list; false when it was not on it. */
export async function removeNonWorkingDay(tx: Executor, date: string): Promise<boolean> {
  const rows = await tx.delete(nonWorkingDays).where(eq(nonWorkingDays.date, date)).returning({ date: nonWorkingDays.date });
  return rows.length > 0;
}
