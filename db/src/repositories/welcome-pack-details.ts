import type { Audience, Language } from '@complaints/domain';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../client';
import { complaints, complaintStages, practitioners, serviceAreas, teams } from '../schema/index';

/** A practitioner and how a family reaches their team: what a personalised welcome pack prints. */
export type PractitionerContact = {
  practitionerId: string;
  fullName: string;
  teamId: string;
  teamName: { en: string; cy: string };
  teamPhone: string | null;
  teamEmail: string | null;
  teamAddress: string | null;
  serviceAreaId: string;
  businessAreaId: string;
  nation: 'england' | 'wales';
};

export async function findPractitionerContact(db: Executor, practitionerId: string): Promise<PractitionerContact | null> {
  const [row] = await db
    .select({
      practitionerId: practitioners.id,
      fullName: practitioners.fullName,
      teamId: teams.id,
      teamNameEn: teams.nameEn,
      teamNameCy: teams.nameCy,
      teamPhone: teams.phone,
      teamEmail: teams.email,
      teamAddress: teams.postalAddress,
      serviceAreaId: serviceAreas.id,
      businessAreaId: serviceAreas.businessAreaId,
      nation: serviceAreas.nation,
    })
    .from(practitioners)
    .innerJoin(teams, eq(teams.id, practitioners.teamId))
    .innerJoin(serviceAreas, eq(serviceAreas.id, teams.serviceAreaId))
    .where(eq(practitioners.id, practitionerId))
    .limit(1);
  if (!row) return null;
  const { teamNameEn, teamNameCy, ...rest } = row;
  return { ...rest, teamName: { en: teamNameEn, cy: teamNameCy } };
}

/** What a welcome pack printed from a complaint needs: its case, its practitioner and who may see it. */
export type ComplaintCaseFacts = {
  id: string;
  reference: string;
  courtCaseNumber: string | null;
  practitionerId: string | null;
  audience: Audience;
  language: Language;
  businessAreaId: string | null;
  serviceAreaId: string | null;
  responderId: string | null;
  csqManagerId: string | null;
  pastResponderIds: string[];
};

export async function findComplaintCaseFacts(db: Executor, complaintId: string): Promise<ComplaintCaseFacts | null> {
  const [row] = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      courtCaseNumber: complaints.courtCaseNumber,
      practitionerId: complaints.practitionerId,
      audience: complaints.audience,
      language: complaints.language,
      businessAreaId: complaints.businessAreaId,
      serviceAreaId: complaints.serviceAreaId,
      responderId: complaints.responderId,
      csqManagerId: complaints.csqManagerId,
    })
    .from(complaints)
    .where(eq(complaints.id, complaintId))
    .limit(1);
  if (!row) return null;
  const stages = await db
    .select({ responderId: complaintStages.responderId })
    .from(complaintStages)
    .where(and(eq(complaintStages.complaintId, complaintId), isNotNull(complaintStages.responderId)));
  return { ...row, pastResponderIds: [...new Set(stages.map((s) => s.responderId!))] };
}
