import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { completeOmbudsmanRecommendation } from './complete-ombudsman-recommendation';
import { recordOmbudsmanEnquiry } from './record-ombudsman-enquiry';
import { recordOmbudsmanOutcome } from './record-ombudsman-outcome';
import { referToOmbudsman } from './refer-to-ombudsman';
import { replyToOmbudsman } from './reply-to-ombudsman';
import { viewOmbudsmanEnquiry, viewOmbudsmanOutcome, viewOmbudsmanReferral, viewOmbudsmanReply, viewRecommendationDone } from './view-ombudsman';

export type { OmbudsmanEnquiryPage, OmbudsmanOutcomePage, OmbudsmanReferralPage, OmbudsmanReplyPage, RecommendationDonePage } from './view-ombudsman';

/** Escalation to the Ombudsman, bound once. */
export function createEscalationServices(deps: ServiceDependencies) {
  return {
    viewReferral: (request: CaseworkRequest, complaintId: string) => viewOmbudsmanReferral(deps, request, complaintId),
    refer: (request: CaseworkRequest, complaintId: string, input: unknown) => referToOmbudsman(deps, request, complaintId, input),
    viewEnquiry: (request: CaseworkRequest, complaintId: string) => viewOmbudsmanEnquiry(deps, request, complaintId),
    recordEnquiry: (request: CaseworkRequest, complaintId: string, input: unknown) => recordOmbudsmanEnquiry(deps, request, complaintId, input),
    viewReply: (request: CaseworkRequest, complaintId: string, enquiryId: string) => viewOmbudsmanReply(deps, request, complaintId, enquiryId),
    reply: (request: CaseworkRequest, complaintId: string, input: unknown) => replyToOmbudsman(deps, request, complaintId, input),
    viewOutcome: (request: CaseworkRequest, complaintId: string) => viewOmbudsmanOutcome(deps, request, complaintId),
    recordOutcome: (request: CaseworkRequest, complaintId: string, input: unknown) => recordOmbudsmanOutcome(deps, request, complaintId, input),
    viewRecommendation: (request: CaseworkRequest, complaintId: string, recommendationId: string) => viewRecommendationDone(deps, request, complaintId, recommendationId),
    completeRecommendation: (request: CaseworkRequest, complaintId: string, input: unknown) => completeOmbudsmanRecommendation(deps, request, complaintId, input),
  };
}
export type EscalationServices = ReturnType<typeof createEscalationServices>;
