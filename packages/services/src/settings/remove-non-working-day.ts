import { loadNonWorkingDays, recordAudit, removeNonWorkingDay as deleteNonWorkingDay } from '@complaints/db';
import { checkNonWorkingDayRemoval, type IsoDate, londonDateOf } from '@complaints/domain';
import { ensureCapability } from '../access/access-denied';
import type { ServiceDependencies } from '../dependencies';
import type { AdministrationRequest } from '../letter-templates/letter-template-key';
import { Refusal } from '../refusal';
import { forgetProcessSettings } from './process-settings';

/**
 * Takes a day added to the calendar off it again, while the day is still ahead: it is a working
 * day again for due dates set from then on. A day not on the list (removed already, say) changes
 * nothing; today and days gone by stay, as a record of how due dates were counted. Audited with
 * the date.
 */
export async function removeNonWorkingDay(
  deps: Pick<ServiceDependencies, 'db' | 'clock'>,
  request: AdministrationRequest,
  raw: unknown,
): Promise<{ date: IsoDate }> {
  ensureCapability(request.actor, 'manage_settings');
  const date = typeof raw === 'object' && raw !== null && typeof (raw as { date?: unknown }).date === 'string' ? (raw as { date: string }).date.trim() : '';
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const check = checkNonWorkingDayRemoval(date, londonDateOf(now), await loadNonWorkingDays(tx));
    if (!check.ok) throw new Refusal(check.reason === 'day_passed' ? 'day_passed' : 'nothing_changed');
    if (!(await deleteNonWorkingDay(tx, date))) throw new Refusal('nothing_changed');
    await recordAudit(tx, { staffId: request.actor.id, action: 'non_working_day.removed', subject: `non_working_day:${date}`, requestId: request.requestId }, now);
  });
  forgetProcessSettings(deps.db);
  return { date };
}
