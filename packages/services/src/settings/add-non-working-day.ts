import { addNonWorkingDay as insertNonWorkingDay, loadNonWorkingDays, recordAudit } from '@complaints/db';
import { checkNonWorkingDay, type IsoDate, londonDateOf } from '@complaints/domain';
import { ensureCapability } from '../access/access-denied';
import type { ServiceDependencies } from '../dependencies';
import type { AdministrationRequest } from '../letter-templates/letter-template-key';
import { Refusal } from '../refusal';
import { forgetProcessSettings } from './process-settings';

/**
 * Adds a day the service does not work, such as an office closure, from today on (the rules are
 * `checkNonWorkingDay`'s). Due dates set from then on count past it; those set already stay as
 * they are. Audited with the date (the description is on the list, not in the log). This process
 * forgets its cached calendar at once; others within 30 seconds.
 */
export async function addNonWorkingDay(
  deps: Pick<ServiceDependencies, 'db' | 'clock'>,
  request: AdministrationRequest,
  raw: unknown,
): Promise<{ date: IsoDate }> {
  ensureCapability(request.actor, 'manage_settings');
  // The date as `dateFromParts` reads the form's boxes: a date, or "missing" or "invalid".
  const sent = typeof raw === 'object' && raw !== null ? (raw as { date?: unknown; description?: unknown }) : {};
  const parsed = { date: typeof sent.date === 'string' ? sent.date : '', description: sent.description };
  const now = deps.clock.now();
  const today = londonDateOf(now);
  const date = await deps.db.transaction(async (tx) => {
    const check = checkNonWorkingDay({ date: parsed.date, description: parsed.description, today, alreadyAdded: await loadNonWorkingDays(tx) });
    if (!check.ok) throw Refusal.invalid(check.problems);
    // Someone else may have added the same day since it was read: the key refuses it once.
    if (!(await insertNonWorkingDay(tx, { date: check.date, description: check.description, staffId: request.actor.id, at: now }))) {
      throw Refusal.invalid([{ field: 'date', message: 'date.alreadyAdded' }]);
    }
    await recordAudit(tx, { staffId: request.actor.id, action: 'non_working_day.added', subject: `non_working_day:${check.date}`, requestId: request.requestId }, now);
    return check.date;
  });
  forgetProcessSettings(deps.db);
  return { date };
}
