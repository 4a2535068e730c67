import { readCaseworkSetting, recordAudit, writeCaseworkSetting } from '@complaints/db';
import { fieldProblems } from '@complaints/domain';
import { z } from 'zod';
import { ensureCapability } from '../access/access-denied';
import { AUTOMATIC_ACKNOWLEDGEMENT_APPROVAL } from '../casework/prepare-acknowledgement';
import type { ServiceDependencies } from '../dependencies';
import type { AdministrationRequest } from '../letter-templates/letter-template-key';
import { Refusal } from '../refusal';
import type { CaseworkSettings } from './view-casework-settings';

const input = z.object({
  automaticAcknowledgementApproval: z.enum(['yes', 'no'], { error: 'automaticAcknowledgementApproval.required' }),
});

/**
 * Changes national office's choices about the procedure. Each change is audited with what it was
 * changed to; choosing what is already set changes nothing and is not recorded.
 */
export async function changeCaseworkSettings(
  deps: Pick<ServiceDependencies, 'db' | 'clock'>,
  request: AdministrationRequest,
  raw: unknown,
): Promise<Pick<CaseworkSettings, 'automaticAcknowledgementApproval'> & { changed: boolean }> {
  ensureCapability(request.actor, 'manage_settings');
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw Refusal.invalid(fieldProblems(parsed.error));
  const enabled = parsed.data.automaticAcknowledgementApproval === 'yes';
  const now = deps.clock.now();
  const changed = await deps.db.transaction(async (tx) => {
    if (((await readCaseworkSetting(tx, AUTOMATIC_ACKNOWLEDGEMENT_APPROVAL)) === true) === enabled) return false;
    await writeCaseworkSetting(tx, AUTOMATIC_ACKNOWLEDGEMENT_APPROVAL, enabled, request.actor.id, now);
    await recordAudit(
      tx,
      { staffId: request.actor.id, action: 'settings.changed', subject: `setting:${AUTOMATIC_ACKNOWLEDGEMENT_APPROVAL}:${enabled ? 'on' : 'off'}`, requestId: request.requestId },
      now,
    );
    return true;
  });
  return { automaticAcknowledgementApproval: enabled, changed };
}
