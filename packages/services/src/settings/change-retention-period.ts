import { readRetentionYears, recordAudit, writeRetentionYears } from '@complaints/db';
import { DEFAULT_RETENTION_YEARS, fieldProblems, isRetentionYears } from '@complaints/domain';
import { z } from 'zod';
import { ensureCapability } from '../access/access-denied';
import type { ServiceDependencies } from '../dependencies';
import type { AdministrationRequest } from '../letter-templates/letter-template-key';
import { Refusal } from '../refusal';

const input = z.object({
  retentionYears: z
    .string({ error: 'retentionYears.required' })
    .trim()
    .min(1, { error: 'retentionYears.required', abort: true })
    .regex(/^\d+$/, { error: 'retentionYears.whole', abort: true })
    .transform(Number)
    .refine(isRetentionYears, { error: 'retentionYears.range' }),
});

/**
 * Changes how many years after a complaint is closed or withdrawn retention anonymises it (whole
 * years, within the bounds the database also holds it to). Audited with the new period; giving the
 * period already set changes nothing and is not recorded. The next night's run uses it.
 */
export async function changeRetentionPeriod(
  deps: Pick<ServiceDependencies, 'db' | 'clock'>,
  request: AdministrationRequest,
  raw: unknown,
): Promise<{ retentionYears: number; changed: boolean }> {
  ensureCapability(request.actor, 'manage_settings');
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw Refusal.invalid(fieldProblems(parsed.error));
  const years = parsed.data.retentionYears;
  const now = deps.clock.now();
  const changed = await deps.db.transaction(async (tx) => {
    if (((await readRetentionYears(tx)) ?? DEFAULT_RETENTION_YEARS) === years) return false;
    await writeRetentionYears(tx, years, request.actor.id, now);
    await recordAudit(tx, { staffId: request.actor.id, action: 'settings.changed', subject: `setting:retention_years:${years}`, requestId: request.requestId }, now);
    return true;
  });
  return { retentionYears: years, changed };
}
