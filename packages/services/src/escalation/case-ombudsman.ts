import { type Executor, listOmbudsmanEnquiries, listOmbudsmanRecommendations, listOmbudsmanReferrals, type OmbudsmanEnquiry, type OmbudsmanRecommendation, type OmbudsmanReferral } from '@complaints/db';
import type { RagStatus } from '@complaints/domain';

export type { OmbudsmanEnquiry, OmbudsmanRecommendation, OmbudsmanReferral } from '@complaints/db';

/** A referral as the case page shows it: each enquiry with its warning while our reply is owed, and each recommendation. */
export type CaseOmbudsmanReferral = OmbudsmanReferral & {
  enquiries: Array<OmbudsmanEnquiry & { rag: RagStatus | null }>;
  recommendations: OmbudsmanRecommendation[];
};

/** A complaint's referrals to the Ombudsman for its page, the latest first. */
export async function caseOmbudsmanReferrals(db: Executor, complaintId: string, rag: (dueOn: string) => RagStatus): Promise<CaseOmbudsmanReferral[]> {
  const [referrals, enquiries, recommendations] = await Promise.all([
    listOmbudsmanReferrals(db, complaintId),
    listOmbudsmanEnquiries(db, complaintId),
    listOmbudsmanRecommendations(db, complaintId),
  ]);
  return referrals.map((r) => ({
    ...r,
    // Once the Ombudsman has found, nothing more is owed on the referral.
    enquiries: enquiries.filter((e) => e.referralId === r.id).map((e) => ({ ...e, rag: e.repliedOn === null && r.finding === null ? rag(e.dueOn) : null })),
    recommendations: recommendations.filter((x) => x.referralId === r.id),
  }));
}
