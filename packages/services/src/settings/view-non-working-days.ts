import { listNonWorkingDays } from '@complaints/db';
import { type BankHoliday, bankHolidaysEnglandAndWales, type IsoDate, isoDateParts, latestNonWorkingDay, londonDateOf } from '@complaints/domain';
import { ensureCapability } from '../access/access-denied';
import type { ServiceDependencies } from '../dependencies';
import type { AdministrationRequest } from '../letter-templates/letter-template-key';

export type NonWorkingDayRow = {
  date: IsoDate;
  description: string;
  addedBy: string | null;
  addedAt: Date;
  /** Still ahead, so it may be taken off the list again. */
  removable: boolean;
};

export type NonWorkingDaysPage = {
  today: IsoDate;
  /** The last day that may be added. */
  latest: IsoDate;
  days: NonWorkingDayRow[];
  /** The bank holidays already counted, this year and next, so nobody adds one twice. */
  bankHolidays: BankHoliday[];
};

/** The days national office has added to the calendar, earliest first, with what the form needs. */
export async function viewNonWorkingDays(deps: Pick<ServiceDependencies, 'db' | 'clock'>, request: AdministrationRequest): Promise<NonWorkingDaysPage> {
  ensureCapability(request.actor, 'manage_settings');
  const today = londonDateOf(deps.clock.now());
  const year = isoDateParts(today).year;
  const days = await listNonWorkingDays(deps.db);
  return {
    today,
    latest: latestNonWorkingDay(today),
    days: days.map((d) => ({ date: d.date, description: d.description, addedBy: d.addedByName, addedAt: d.addedAt, removable: d.date > today })),
    bankHolidays: [...bankHolidaysEnglandAndWales(year), ...bankHolidaysEnglandAndWales(year + 1)].filter((h) => h.date >= today),
  };
}
