import { findComplaintNation, findOpenOmbudsmanReferral, type OmbudsmanReferral, recordAudit } from '@complaints/db';
import { type IsoDate, londonDateOf, type Ombudsman, ombudsmanFor, type Stage } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { requireMove } from '../lifecycle/offered-moves';
import { Refusal } from '../refusal';

export type OmbudsmanReferralPage = { complaintId: string; reference: string; stage: Stage; today: IsoDate; ombudsman: Ombudsman };
export type OmbudsmanOutcomePage = { complaintId: string; reference: string; stage: Stage; today: IsoDate; referral: OmbudsmanReferral };

/** The page to record a referral: which Ombudsman it is, from where the service was given. */
export async function viewOmbudsmanReferral(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<OmbudsmanReferralPage> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'refer_to_ombudsman');
  if (blocked) throw new Refusal(blocked);
  const nation = await findComplaintNation(deps.db, complaintId);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:refer_to_ombudsman', requestId: request.requestId });
  return { complaintId, reference: access.reference, stage: access.stage, today: londonDateOf(deps.clock.now()), ombudsman: ombudsmanFor(nation) };
}

/** The page to record the Ombudsman's outcome, beside the referral it answers. */
export async function viewOmbudsmanOutcome(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<OmbudsmanOutcomePage> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'record_ombudsman_outcome');
  if (blocked) throw new Refusal(blocked);
  const referral = await findOpenOmbudsmanReferral(deps.db, complaintId);
  if (!referral) throw new Refusal('wrong_state');
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:record_ombudsman_outcome', requestId: request.requestId });
  return { complaintId, reference: access.reference, stage: access.stage, today: londonDateOf(deps.clock.now()), referral };
}
