import { loadTimescaleSettings, timescaleSettingChanges } from '@complaints/db';
import { DEFAULT_TIMESCALES, resolveTimescales, TIMESCALE_KEYS, TIMESCALE_LIMITS, type TimescaleKey } from '@complaints/domain';
import { ensureCapability } from '../access/access-denied';
import type { ServiceDependencies } from '../dependencies';
import type { AdministrationRequest } from '../letter-templates/letter-template-key';

/** One timescale as national office sees it: what is in force, the default, the bounds, and its last change. */
export type TimescaleSetting = {
  key: TimescaleKey;
  workingDays: number;
  defaultWorkingDays: number;
  min: number;
  max: number;
  changedAt: Date | null;
  changedBy: string | null;
};

/**
 * Every timescale of the procedure in the order of the form. Read from the database each time,
 * not from the process's cache, so the page shows what is stored.
 */
export async function viewTimescaleSettings(deps: Pick<ServiceDependencies, 'db'>, request: AdministrationRequest): Promise<TimescaleSetting[]> {
  ensureCapability(request.actor, 'manage_settings');
  const [stored, changes] = await Promise.all([loadTimescaleSettings(deps.db), timescaleSettingChanges(deps.db)]);
  const inForce = resolveTimescales(stored);
  return TIMESCALE_KEYS.map((key) => {
    // The rows written when the database was set up carry no one: the figure was never changed.
    const change = changes.find((c) => c.key === key && c.updatedByName !== null);
    return {
      key,
      workingDays: inForce[key],
      defaultWorkingDays: DEFAULT_TIMESCALES[key],
      min: TIMESCALE_LIMITS[key].min,
      max: TIMESCALE_LIMITS[key].max,
      changedAt: change?.updatedAt ?? null,
      changedBy: change?.updatedByName ?? null,
    };
  });
}
