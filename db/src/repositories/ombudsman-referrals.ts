import type { Nation, Ombudsman, OmbudsmanFinding } from '@complaints/domain';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../client';
import { complaints, ombudsmanEnquiries, ombudsmanRecommendations, ombudsmanReferrals, serviceAreas } from '../schema/index';

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
  referral: { complaintId: string; ombudsman: Ombudsman; referredOn: string; theirReference: string; at: Date },
): Promise<string> {
  const [row] = await tx
    .insert(ombudsmanReferrals)
    .values({
      complaintId: referral.complaintId,
      ombudsman: referral.ombudsman,
      referredOn: referral.referredOn,
      theirReference: referral.theirReference,
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
  finding: OmbudsmanFinding | null;
  findingOn: string | null;
  /** What the Ombudsman said with their finding, in their words; each recommendation is a row of its own. */
  summary: string | null;
  createdAt: Date;
};

const referralColumns = {
  id: ombudsmanReferrals.id,
  ombudsman: ombudsmanReferrals.ombudsman,
  referredOn: ombudsmanReferrals.referredOn,
  theirReference: ombudsmanReferrals.theirReference,
  finding: ombudsmanReferrals.finding,
  findingOn: ombudsmanReferrals.findingOn,
  summary: ombudsmanReferrals.recommendations,
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
  outcome: { finding: OmbudsmanFinding; findingOn: string; summary: string | null },
): Promise<void> {
  await tx
    .update(ombudsmanReferrals)
    .set({ finding: outcome.finding, findingOn: outcome.findingOn, recommendations: outcome.summary })
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

export type OmbudsmanEnquiry = {
  id: string;
  referralId: string;
  receivedOn: string;
  summary: string | null;
  dueOn: string;
  repliedOn: string | null;
  reply: string | null;
};

export type OmbudsmanRecommendation = {
  id: string;
  referralId: string;
  position: number;
  action: string;
  owner: string;
  dueOn: string;
  doneOn: string | null;
  evidence: string | null;
};

const enquiryColumns = {
  id: ombudsmanEnquiries.id,
  referralId: ombudsmanEnquiries.referralId,
  receivedOn: ombudsmanEnquiries.receivedOn,
  summary: ombudsmanEnquiries.summary,
  dueOn: ombudsmanEnquiries.dueOn,
  repliedOn: ombudsmanEnquiries.repliedOn,
  reply: ombudsmanEnquiries.reply,
};

const recommendationColumns = {
  id: ombudsmanRecommendations.id,
  referralId: ombudsmanRecommendations.referralId,
  position: ombudsmanRecommendations.position,
  action: ombudsmanRecommendations.action,
  owner: ombudsmanRecommendations.owner,
  dueOn: ombudsmanRecommendations.dueOn,
  doneOn: ombudsmanRecommendations.doneOn,
  evidence: ombudsmanRecommendations.evidence,
};

export async function insertOmbudsmanEnquiry(
  tx: Executor,
  enquiry: { referralId: string; complaintId: string; receivedOn: string; summary: string | null; dueOn: string; at: Date },
): Promise<string> {
  const [row] = await tx
    .insert(ombudsmanEnquiries)
    .values({ referralId: enquiry.referralId, complaintId: enquiry.complaintId, receivedOn: enquiry.receivedOn, summary: enquiry.summary, dueOn: enquiry.dueOn, createdAt: enquiry.at })
    .returning({ id: ombudsmanEnquiries.id });
  return row!.id;
}

/** The enquiries of a complaint's referrals, each referral's by deadline. */
export async function listOmbudsmanEnquiries(db: Executor, complaintId: string): Promise<OmbudsmanEnquiry[]> {
  return db
    .select(enquiryColumns)
    .from(ombudsmanEnquiries)
    .where(eq(ombudsmanEnquiries.complaintId, complaintId))
    .orderBy(asc(ombudsmanEnquiries.receivedOn), asc(ombudsmanEnquiries.dueOn), asc(ombudsmanEnquiries.createdAt), asc(ombudsmanEnquiries.id));
}

/** Records that our reply to an enquiry went; false when the enquiry is not the referral's or was answered already. */
export async function recordOmbudsmanReply(tx: Executor, referralId: string, enquiryId: string, reply: { repliedOn: string; reply: string }): Promise<boolean> {
  const updated = await tx
    .update(ombudsmanEnquiries)
    .set({ repliedOn: reply.repliedOn, reply: reply.reply })
    .where(and(eq(ombudsmanEnquiries.id, enquiryId), eq(ombudsmanEnquiries.referralId, referralId), isNull(ombudsmanEnquiries.repliedOn)))
    .returning({ id: ombudsmanEnquiries.id });
  return updated.length === 1;
}

export async function insertOmbudsmanRecommendations(
  tx: Executor,
  referral: { referralId: string; complaintId: string; at: Date },
  recommendations: ReadonlyArray<{ action: string; owner: string; dueOn: string }>,
): Promise<void> {
  if (recommendations.length === 0) return;
  await tx.insert(ombudsmanRecommendations).values(
    recommendations.map((r, index) => ({ referralId: referral.referralId, complaintId: referral.complaintId, position: index + 1, action: r.action, owner: r.owner, dueOn: r.dueOn, createdAt: referral.at })),
  );
}

/** The recommendations made on a complaint's referrals, in the order given. */
export async function listOmbudsmanRecommendations(db: Executor, complaintId: string): Promise<OmbudsmanRecommendation[]> {
  return db
    .select(recommendationColumns)
    .from(ombudsmanRecommendations)
    .where(eq(ombudsmanRecommendations.complaintId, complaintId))
    .orderBy(asc(ombudsmanRecommendations.createdAt), asc(ombudsmanRecommendations.position));
}

export async function findOmbudsmanRecommendation(db: Executor, complaintId: string, recommendationId: string): Promise<OmbudsmanRecommendation | null> {
  const [row] = await db
    .select(recommendationColumns)
    .from(ombudsmanRecommendations)
    .where(and(eq(ombudsmanRecommendations.id, recommendationId), eq(ombudsmanRecommendations.complaintId, complaintId)))
    .limit(1);
  return row ?? null;
}

/** Records that a recommendation was done, with the evidence; false when it was recorded already. */
export async function recordRecommendationDone(tx: Executor, recommendationId: string, done: { doneOn: string; evidence: string }): Promise<boolean> {
  const updated = await tx
    .update(ombudsmanRecommendations)
    .set({ doneOn: done.doneOn, evidence: done.evidence })
    .where(and(eq(ombudsmanRecommendations.id, recommendationId), isNull(ombudsmanRecommendations.doneOn)))
    .returning({ id: ombudsmanRecommendations.id });
  return updated.length === 1;
}

/** The unanswered enquiries' deadlines of a complaint's open referrals: its due date is the earliest. */
export async function listOwedOmbudsmanDeadlines(db: Executor, complaintId: string): Promise<Array<{ dueOn: string; repliedOn: string | null }>> {
  return db
    .select({ dueOn: ombudsmanEnquiries.dueOn, repliedOn: ombudsmanEnquiries.repliedOn })
    .from(ombudsmanEnquiries)
    .innerJoin(ombudsmanReferrals, eq(ombudsmanReferrals.id, ombudsmanEnquiries.referralId))
    .where(and(eq(ombudsmanEnquiries.complaintId, complaintId), isNull(ombudsmanReferrals.finding), isNull(ombudsmanEnquiries.repliedOn)));
}

