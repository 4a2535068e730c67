import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { businessAreas, serviceAreas, staff, teams } from '../schema/index';

/**
 * The organisation's structure: business areas, their service areas (each with a Head of Service
 * and a nation) and their teams (with contact details), and the CSQ administrator of each
 * business area. It is small (tens of rows), so it is read whole.
 */

export type Names = { en: string; cy: string };

export type TeamRecord = {
  id: string;
  serviceAreaId: string;
  code: string;
  name: Names;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
};

export type ServiceAreaRecord = {
  id: string;
  businessAreaId: string;
  code: string;
  name: Names;
  nation: 'england' | 'wales';
  headOfServiceId: string | null;
  headOfServiceName: string | null;
  teams: TeamRecord[];
};

export type BusinessAreaRecord = {
  id: string;
  code: string;
  name: Names;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  csqAdministratorId: string | null;
  csqAdministratorName: string | null;
  serviceAreas: ServiceAreaRecord[];
};

/** A row's names in English and Welsh, as one value. */
function named<R extends { nameEn: string; nameCy: string }>({ nameEn, nameCy, ...rest }: R) {
  return { ...rest, name: { en: nameEn, cy: nameCy } };
}

export async function loadOrganisation(db: Executor): Promise<BusinessAreaRecord[]> {
  const areas = await db
    .select({
      id: businessAreas.id,
      code: businessAreas.code,
      nameEn: businessAreas.nameEn,
      nameCy: businessAreas.nameCy,
      email: businessAreas.email,
      phone: businessAreas.phone,
      postalAddress: businessAreas.postalAddress,
      csqAdministratorId: businessAreas.csqAdministratorId,
      csqAdministratorName: staff.fullName,
    })
    .from(businessAreas)
    .leftJoin(staff, eq(staff.id, businessAreas.csqAdministratorId))
    .orderBy(asc(businessAreas.nameEn));
  const services = await db
    .select({
      id: serviceAreas.id,
      businessAreaId: serviceAreas.businessAreaId,
      code: serviceAreas.code,
      nameEn: serviceAreas.nameEn,
      nameCy: serviceAreas.nameCy,
      nation: serviceAreas.nation,
      headOfServiceId: serviceAreas.headOfServiceId,
      headOfServiceName: staff.fullName,
    })
    .from(serviceAreas)
    .leftJoin(staff, eq(staff.id, serviceAreas.headOfServiceId))
    .orderBy(asc(serviceAreas.nameEn));
  const teamRows = await db
    .select({
      id: teams.id,
      serviceAreaId: teams.serviceAreaId,
      code: teams.code,
      nameEn: teams.nameEn,
      nameCy: teams.nameCy,
      email: teams.email,
      phone: teams.phone,
      postalAddress: teams.postalAddress,
    })
    .from(teams)
    .orderBy(asc(teams.nameEn));
  return areas.map((a) => ({
    ...named(a),
    serviceAreas: services
      .filter((s) => s.businessAreaId === a.id)
      .map((s) => ({ ...named(s), teams: teamRows.filter((t) => t.serviceAreaId === s.id).map(named) })),
  }));
}

export type BusinessAreaValues = {
  code: string;
  name: Names;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  csqAdministratorId: string | null;
};

const businessAreaRow = (values: BusinessAreaValues) => ({ code: values.code, nameEn: values.name.en, nameCy: values.name.cy, email: values.email, phone: values.phone, postalAddress: values.postalAddress, csqAdministratorId: values.csqAdministratorId });

export async function insertBusinessArea(db: Executor, values: BusinessAreaValues): Promise<string> {
  const [row] = await db.insert(businessAreas).values(businessAreaRow(values)).returning({ id: businessAreas.id });
  return row!.id;
}

export async function updateBusinessArea(db: Executor, id: string, values: BusinessAreaValues): Promise<void> {
  await db.update(businessAreas).set(businessAreaRow(values)).where(eq(businessAreas.id, id));
}

export type ServiceAreaValues = {
  businessAreaId: string;
  code: string;
  name: Names;
  nation: 'england' | 'wales';
  headOfServiceId: string | null;
};

const serviceAreaRow = (values: ServiceAreaValues) => ({ businessAreaId: values.businessAreaId, code: values.code, nameEn: values.name.en, nameCy: values.name.cy, nation: values.nation, headOfServiceId: values.headOfServiceId });

export async function insertServiceArea(db: Executor, values: ServiceAreaValues): Promise<string> {
  const [row] = await db.insert(serviceAreas).values(serviceAreaRow(values)).returning({ id: serviceAreas.id });
  return row!.id;
}

export async function updateServiceArea(db: Executor, id: string, values: ServiceAreaValues): Promise<void> {
  await db.update(serviceAreas).set(serviceAreaRow(values)).where(eq(serviceAreas.id, id));
}

export type TeamValues = {
  serviceAreaId: string;
  code: string;
  name: Names;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
};

const teamRow = (values: TeamValues) => ({ serviceAreaId: values.serviceAreaId, code: values.code, nameEn: values.name.en, nameCy: values.name.cy, email: values.email, phone: values.phone, postalAddress: values.postalAddress });

export async function insertTeam(db: Executor, values: TeamValues): Promise<string> {
  const [row] = await db.insert(teams).values(teamRow(values)).returning({ id: teams.id });
  return row!.id;
}

export async function updateTeam(db: Executor, id: string, values: TeamValues): Promise<void> {
  await db.update(teams).set(teamRow(values)).where(eq(teams.id, id));
}

/** Which codes are in use, across all three levels (codes are unique within each table). */
export async function organisationCodes(db: Executor): Promise<{ businessAreas: Map<string, string>; serviceAreas: Map<string, string>; teams: Map<string, string> }> {
  const [a, s, t] = await Promise.all([
    db.select({ id: businessAreas.id, code: businessAreas.code }).from(businessAreas),
    db.select({ id: serviceAreas.id, code: serviceAreas.code }).from(serviceAreas),
    db.select({ id: teams.id, code: teams.code }).from(teams),
  ]);
  const byCode = (rows: Array<{ id: string; code: string }>) => new Map(rows.map((r) => [r.code.toLowerCase(), r.id]));
  return { businessAreas: byCode(a), serviceAreas: byCode(s), teams: byCode(t) };
}
