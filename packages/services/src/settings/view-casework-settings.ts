import { readCaseworkSetting } from '@complaints/db';
import { ensureCapability } from '../access/access-denied';
import { AUTOMATIC_ACKNOWLEDGEMENT_APPROVAL } from '../casework/prepare-acknowledgement';
import type { ServiceDependencies } from '../dependencies';
import type { AdministrationRequest } from '../letter-templates/letter-template-key';
import { retentionYears } from '../retention/anonymise-expired-complaints';

/** National office's choices about the procedure, each as it stands (a choice never made is its default). */
export type CaseworkSettings = {
  /** Acknowledgements left exactly as the template writes them pass quality assurance by themselves. Off unless chosen. */
  automaticAcknowledgementApproval: boolean;
  /** How many years after a complaint is closed or withdrawn retention anonymises it. */
  retentionYears: number;
};

export async function viewCaseworkSettings(deps: Pick<ServiceDependencies, 'db'>, request: AdministrationRequest): Promise<CaseworkSettings> {
  ensureCapability(request.actor, 'manage_settings');
  return {
    automaticAcknowledgementApproval: (await readCaseworkSetting(deps.db, AUTOMATIC_ACKNOWLEDGEMENT_APPROVAL)) === true,
    retentionYears: await retentionYears(deps),
  };
}
