import { loadTimescaleSettings, lockTimescaleSettings, recordAudit, writeTimescaleSetting } from '@complaints/db';
import { changedTimescales, checkTimescaleChange, resolveTimescales, type TimescaleChange } from '@complaints/domain';
import { ensureCapability } from '../access/access-denied';
import type { ServiceDependencies } from '../dependencies';
import type { AdministrationRequest } from '../letter-templates/letter-template-key';
import { Refusal } from '../refusal';
import { forgetProcessSettings } from './process-settings';

/**
 * Sets the procedure's timescales. Every timescale is sent (the form has a box for each); only
 * those that differ from what is in force are written, each audited with its old and new value,
 * and a form sent unchanged writes nothing. Due dates already set stay as they are: each stage
 * keeps the dates it was given when it started, so a change applies to what starts after it.
 *
 * This process forgets its cached settings at once, so its pages, leaflets and letters show the
 * new figures on the next request; other processes (more back-office or portal instances, the
 * worker) keep theirs until their cache runs out, within 30 seconds.
 */
export async function changeTimescaleSettings(
  deps: Pick<ServiceDependencies, 'db' | 'clock'>,
  request: AdministrationRequest,
  raw: unknown,
): Promise<{ changes: TimescaleChange[] }> {
  ensureCapability(request.actor, 'manage_settings');
  const check = checkTimescaleChange(typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {});
  if (!check.ok) throw Refusal.invalid(check.problems);
  const now = deps.clock.now();
  const changes = await deps.db.transaction(async (tx) => {
    await lockTimescaleSettings(tx);
    const changes = changedTimescales(resolveTimescales(await loadTimescaleSettings(tx)), check.timescales);
    for (const { key, from, to } of changes) {
      await writeTimescaleSetting(tx, key, to, request.actor.id, now);
      await recordAudit(tx, { staffId: request.actor.id, action: 'timescale.changed', subject: `timescale:${key}:${from}->${to}`, requestId: request.requestId }, now);
    }
    return changes;
  });
  // After the commit, so nothing can cache the old figures again in between.
  if (changes.length > 0) forgetProcessSettings(deps.db);
  return { changes };
}
