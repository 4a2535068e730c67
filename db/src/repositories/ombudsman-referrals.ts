import type { Nation, Ombudsman, OmbudsmanFinding } from '@complaints/domain';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../client';
import { complaints, ombudsmanReferrals, serviceAreas } from '../schema/index';

/** Referrals of a complaint to the Ombudsman and what the Ombudsman found. */

/** The nation of the service area a complaint is placed in: it decides which Ombudsman. Null when not placed. */
export async function findComplaintNation(db: Executor, complaintId: string): Promise<Nation | null> {
  const [row] = await db
    .select({ nation: serviceAreas.nation })
    .from(complaints)
    .innerJoin(serviceAreas, eq(serviceAreas.id, complaints.serviceAreaId))
    .where(eq(complaints.id, complaintId))
    .limit(1);
  return row?.nation ?? null;
}

export async function insertOmbudsmanReferral(
  tx: Executor,
  referral: { complaintId: string; ombudsman: Ombudsman; referredOn: string; theirReference: string; replyDueOn: string; at: Date },
): Promise<string> {
  const [row] = await tx
    .insert(ombudsmanReferrals)
    .values({
      complaintId: referral.complaintId,
      ombudsman: referral.ombudsman,
      referredOn: referral.referredOn,
      theirReference: referral.theirReference,
      replyDueOn: referral.replyDueOn,
      createdAt: referral.at,
    })
    .returning({ id: ombudsmanReferrals.id });
  return row!.id;
}

export type OmbudsmanReferral = {
  id: string;
  ombudsman: Ombudsman;
  referredOn: string;
  theirReference: string | null;
  /** When the Ombudsman wants our reply; null on a referral recorded before it was asked for. */
  replyDueOn: string | null;
  finding: OmbudsmanFinding | null;
  findingOn: string | null;
  recommendations: string | null;
  createdAt: Date;
};

const referralColumns = {
  id: ombudsmanReferrals.id,
  ombudsman: ombudsmanReferrals.ombudsman,
  referredOn: ombudsmanReferrals.referredOn,
  theirReference: ombudsmanReferrals.theirReference,
  replyDueOn: ombudsmanReferrals.replyDueOn,
  finding: ombudsmanReferrals.finding,
  findingOn: ombudsmanReferrals.findingOn,
  recommendations: ombudsmanReferrals.recommendations,
  createdAt: ombudsmanReferrals.createdAt,
};

/** The referral still waiting for the Ombudsman's finding, the latest if ever there were two. */
export async function findOpenOmbudsmanReferral(db: Executor, complaintId: string): Promise<OmbudsmanReferral | null> {
  const [row] = await db
    .select(referralColumns)
    .from(ombudsmanReferrals)
    .where(and(eq(ombudsmanReferrals.complaintId, complaintId), isNull(ombudsmanReferrals.finding)))
    .orderBy(desc(ombudsmanReferrals.createdAt), desc(ombudsmanReferrals.id))
    .limit(1);
  return row ?? null;
}

export async function recordOmbudsmanFinding(
  tx: Executor,
  referralId: string,
  outcome: { finding: OmbudsmanFinding; findingOn: string; recommendations: string | null },
): Promise<void> {
  await tx
    .update(ombudsmanReferrals)
    .set({ finding: outcome.finding, findingOn: outcome.findingOn, recommendations: outcome.recommendations })
    .where(eq(ombudsmanReferrals.id, referralId));
}

/** A complaint's referrals, the latest first. */
export async function listOmbudsmanReferrals(db: Executor, complaintId: string): Promise<OmbudsmanReferral[]> {
  return db
    .select(referralColumns)
    .from(ombudsmanReferrals)
    .where(eq(ombudsmanReferrals.complaintId, complaintId))
    .orderBy(desc(ombudsmanReferrals.createdAt), desc(ombudsmanReferrals.id));
}
