import { type Executor, listOmbudsmanReferrals, type OmbudsmanReferral } from '@complaints/db';

export type { OmbudsmanReferral } from '@complaints/db';

/** A complaint's referrals to the Ombudsman for its page, the latest first. */
export function caseOmbudsmanReferrals(db: Executor, complaintId: string): Promise<OmbudsmanReferral[]> {
  return listOmbudsmanReferrals(db, complaintId);
}
