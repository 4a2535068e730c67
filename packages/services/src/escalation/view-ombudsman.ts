import {
  findComplaintNation,
  findOmbudsmanRecommendation,
  findOpenOmbudsmanReferral,
  listOmbudsmanEnquiries,
  listOmbudsmanReferrals,
  type OmbudsmanEnquiry,
  type OmbudsmanRecommendation,
  type OmbudsmanReferral,
  recordAudit,
} from '@complaints/db';
import { type IsoDate, londonDateOf, type Move, type Ombudsman, ombudsmanFor, type Stage } from '@complaints/domain';
import { type CaseworkRequest, isUuid } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { requireMove } from '../lifecycle/offered-moves';
import { Refusal } from '../refusal';

export type OmbudsmanReferralPage = { complaintId: string; reference: string; stage: Stage; today: IsoDate; ombudsman: Ombudsman };
export type OmbudsmanOutcomePage = { complaintId: string; reference: string; stage: Stage; today: IsoDate; referral: OmbudsmanReferral; enquiries: OmbudsmanEnquiry[] };
export type OmbudsmanEnquiryPage = OmbudsmanOutcomePage;
export type OmbudsmanReplyPage = OmbudsmanOutcomePage & { enquiry: OmbudsmanEnquiry };
export type RecommendationDonePage = { complaintId: string; reference: string; stage: Stage; today: IsoDate; referral: OmbudsmanReferral; recommendation: OmbudsmanRecommendation };

/** The page to record a referral: which Ombudsman it is, from where the service was given. */
export async function viewOmbudsmanReferral(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<OmbudsmanReferralPage> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'refer_to_ombudsman');
  if (blocked) throw new Refusal(blocked);
  const nation = await findComplaintNation(deps.db, complaintId);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:refer_to_ombudsman', requestId: request.requestId });
  return { complaintId, reference: access.reference, stage: access.stage, today: londonDateOf(deps.clock.now()), ombudsman: ombudsmanFor(nation) };
}

/** A page of a move on the open referral: the referral and its enquiries beside the form. */
async function openReferralPage(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, move: Move, subject: string): Promise<OmbudsmanOutcomePage> {
  const { access, blocked } = await requireMove(deps, request, complaintId, move);
  if (blocked) throw new Refusal(blocked);
  const referral = await findOpenOmbudsmanReferral(deps.db, complaintId);
  if (!referral) throw new Refusal('wrong_state');
  const enquiries = (await listOmbudsmanEnquiries(deps.db, complaintId)).filter((e) => e.referralId === referral.id);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject, requestId: request.requestId });
  return { complaintId, reference: access.reference, stage: access.stage, today: londonDateOf(deps.clock.now()), referral, enquiries };
}

/** The page to record the Ombudsman's outcome, beside the referral it answers. */
export function viewOmbudsmanOutcome(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<OmbudsmanOutcomePage> {
  return openReferralPage(deps, request, complaintId, 'record_ombudsman_outcome', 'page:record_ombudsman_outcome');
}

/** The page to record a further enquiry from the Ombudsman. */
export function viewOmbudsmanEnquiry(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<OmbudsmanEnquiryPage> {
  return openReferralPage(deps, request, complaintId, 'record_ombudsman_enquiry', 'page:record_ombudsman_enquiry');
}

/** The page to record our reply to one enquiry, still owed. */
export async function viewOmbudsmanReply(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, enquiryId: string): Promise<OmbudsmanReplyPage> {
  const page = await openReferralPage(deps, request, complaintId, 'reply_to_ombudsman', `ombudsman_enquiry:${enquiryId}`);
  const enquiry = isUuid(enquiryId) ? page.enquiries.find((e) => e.id === enquiryId) : undefined;
  if (!enquiry) throw new Refusal('not_found');
  if (enquiry.repliedOn !== null) throw new Refusal('wrong_state');
  return { ...page, enquiry };
}

/** The page to record that one of the Ombudsman's recommendations was done. */
export async function viewRecommendationDone(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, recommendationId: string): Promise<RecommendationDonePage> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'complete_ombudsman_recommendation');
  if (blocked) throw new Refusal(blocked);
  const recommendation = isUuid(recommendationId) ? await findOmbudsmanRecommendation(deps.db, complaintId, recommendationId) : null;
  if (!recommendation) throw new Refusal('not_found');
  if (recommendation.doneOn !== null) throw new Refusal('wrong_state');
  const referral = (await listOmbudsmanReferrals(deps.db, complaintId)).find((r) => r.id === recommendation.referralId)!;
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: `ombudsman_recommendation:${recommendationId}`, requestId: request.requestId });
  return { complaintId, reference: access.reference, stage: access.stage, today: londonDateOf(deps.clock.now()), referral, recommendation };
}
