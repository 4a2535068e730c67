import type { RoleKey } from '@complaints/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import { businessAreas, practitioners, serviceAreas, staff, staffContacts, teams } from '../schema/index';

/**
 * Who works where, as casework needs it: the managers who may answer a complaint, the CSQ
 * managers who oversee them, how to reach a manager, and the organisation's areas, teams and
 * practitioners for the forms.
 */

export type StaffPlacement = {
  id: string;
  fullName: string;
  role: RoleKey;
  jobTitle: string | null;
  teamId: string | null;
  serviceAreaId: string | null;
  businessAreaId: string | null;
};

const teamOfStaff = alias(teams, 'staff_team');
const serviceAreaOfStaff = alias(serviceAreas, 'staff_service_area');

/*
 * A person's service area and business area follow from their team when only the team is recorded,
 * so a manager placed in a team is found by area too.
 */
const placementColumns = {
  id: staff.id,
  fullName: staff.fullName,
  role: sql<RoleKey>`${staff.roleKey}`,
  jobTitle: staff.jobTitle,
  teamId: staff.teamId,
  serviceAreaId: sql<string | null>`coalesce(${staff.serviceAreaId}, ${teamOfStaff.serviceAreaId})`,
  businessAreaId: sql<string | null>`coalesce(${staff.businessAreaId}, ${serviceAreaOfStaff.businessAreaId})`,
};

function placementQuery(db: Executor, roles: RoleKey[]) {
  return db
    .select(placementColumns)
    .from(staff)
    .leftJoin(teamOfStaff, eq(teamOfStaff.id, staff.teamId))
    .leftJoin(serviceAreaOfStaff, eq(serviceAreaOfStaff.id, sql`coalesce(${staff.serviceAreaId}, ${teamOfStaff.serviceAreaId})`))
    .where(and(inArray(staff.roleKey, roles), eq(staff.active, true)))
    .orderBy(asc(staff.fullName), asc(staff.id));
}

/** Active responding managers, everywhere: the people who answer complaints. */
export async function listResponderCandidates(db: Executor): Promise<StaffPlacement[]> {
  return (await placementQuery(db, ['responding_manager'])) as StaffPlacement[];
}

export async function listCsqManagers(db: Executor): Promise<StaffPlacement[]> {
  return (await placementQuery(db, ['csq_manager'])) as StaffPlacement[];
}

export type ManagerContact = {
  id: string;
  fullName: string;
  jobTitle: string | null;
  email: string;
  phone: string | null;
  teamNameEn: string | null;
  teamNameCy: string | null;
  /** Where to write to them: their team's office, else their business area's complaints address. */
  postalAddress: string | null;
  active: boolean;
};

const businessAreaOfStaff = alias(businessAreas, 'staff_business_area');

/** How a complainant can reach a manager: phone, email and an address to write to (through staff_contacts, which the portal may read). */
export async function findManagerContact(db: Executor, staffId: string): Promise<ManagerContact | null> {
  const [row] = await db
    .select({
      id: staffContacts.id,
      fullName: staffContacts.fullName,
      jobTitle: staffContacts.jobTitle,
      email: staffContacts.email,
      phone: staffContacts.phone,
      teamNameEn: teamOfStaff.nameEn,
      teamNameCy: teamOfStaff.nameCy,
      postalAddress: sql<string | null>`coalesce(${teamOfStaff.postalAddress}, ${businessAreaOfStaff.postalAddress})`,
      active: staffContacts.active,
    })
    .from(staffContacts)
    .leftJoin(teamOfStaff, eq(teamOfStaff.id, staffContacts.teamId))
    .leftJoin(serviceAreaOfStaff, eq(serviceAreaOfStaff.id, sql`coalesce(${staffContacts.serviceAreaId}, ${teamOfStaff.serviceAreaId})`))
    .leftJoin(
      businessAreaOfStaff,
      eq(businessAreaOfStaff.id, sql`coalesce(${staffContacts.businessAreaId}, ${serviceAreaOfStaff.businessAreaId})`),
    )
    .where(eq(staffContacts.id, staffId))
    .limit(1);
  return row ?? null;
}

export type OrganisationChoices = {
  serviceAreas: Array<{ id: string; nameEn: string; nameCy: string; businessAreaId: string; businessAreaNameEn: string; businessAreaNameCy: string }>;
  teams: Array<{ id: string; nameEn: string; nameCy: string; serviceAreaId: string }>;
  practitioners: Array<{ id: string; fullName: string; teamId: string }>;
};

/** The service areas with their business areas, in a stable order. */
export async function listServiceAreaChoices(db: Executor): Promise<OrganisationChoices['serviceAreas']> {
  return db
    .select({
      id: serviceAreas.id,
      nameEn: serviceAreas.nameEn,
      nameCy: serviceAreas.nameCy,
      businessAreaId: serviceAreas.businessAreaId,
      businessAreaNameEn: businessAreas.nameEn,
      businessAreaNameCy: businessAreas.nameCy,
    })
    .from(serviceAreas)
    .innerJoin(businessAreas, eq(businessAreas.id, serviceAreas.businessAreaId))
    .orderBy(asc(businessAreas.nameEn), asc(serviceAreas.nameEn));
}

/** The areas, teams and active practitioners, in a stable order, for choosing where a complaint belongs. */
export async function listOrganisationChoices(db: Executor): Promise<OrganisationChoices> {
  const [areaRows, teamRows, practitionerRows] = await Promise.all([
    listServiceAreaChoices(db),
    db
      .select({ id: teams.id, nameEn: teams.nameEn, nameCy: teams.nameCy, serviceAreaId: teams.serviceAreaId })
      .from(teams)
      .orderBy(asc(teams.nameEn)),
    db
      .select({ id: practitioners.id, fullName: practitioners.fullName, teamId: practitioners.teamId })
      .from(practitioners)
      .where(eq(practitioners.active, true))
      .orderBy(asc(practitioners.fullName)),
  ]);
  return { serviceAreas: areaRows, teams: teamRows, practitioners: practitionerRows };
}

/** Where a team and a practitioner sit, to check a choice of placement holds together. */
export async function findPlacement(
  db: Executor,
  ids: { serviceAreaId: string | null; teamId: string | null; practitionerId: string | null },
): Promise<{
  serviceArea: { id: string; businessAreaId: string } | null;
  team: { id: string; serviceAreaId: string } | null;
  practitioner: { id: string; teamId: string } | null;
}> {
  const [serviceArea] = ids.serviceAreaId
    ? await db
        .select({ id: serviceAreas.id, businessAreaId: serviceAreas.businessAreaId })
        .from(serviceAreas)
        .where(eq(serviceAreas.id, ids.serviceAreaId))
    : [];
  const [team] = ids.teamId ? await db.select({ id: teams.id, serviceAreaId: teams.serviceAreaId }).from(teams).where(eq(teams.id, ids.teamId)) : [];
  const [practitioner] = ids.practitionerId
    ? await db
        .select({ id: practitioners.id, teamId: practitioners.teamId })
        .from(practitioners)
        .where(and(eq(practitioners.id, ids.practitionerId), eq(practitioners.active, true)))
    : [];
  return { serviceArea: serviceArea ?? null, team: team ?? null, practitioner: practitioner ?? null };
}
