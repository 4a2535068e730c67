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
  const teamRows = await db.select().from(teams).orderBy(asc(teams.nameEn));
  return areas.map((a) => ({
    id: a.id,
    code: a.code,
    name: { en: a.nameEn, cy: a.nameCy },
    email: a.email,
    phone: a.phone,
    postalAddress: a.postalAddress,
    csqAdministratorId: a.csqAdministratorId,
    csqAdministratorName: a.csqAdministratorName,
    serviceAreas: services
      .filter((s) => s.businessAreaId === a.id)
      .map((s) => ({
        id: s.id,
        businessAreaId: s.businessAreaId,
        code: s.code,
        name: { en: s.nameEn, cy: s.nameCy },
        nation: s.nation,
        headOfServiceId: s.headOfServiceId,
        headOfServiceName: s.headOfServiceName,
        teams: teamRows
          .filter((t) => t.serviceAreaId === s.id)
          .map((t) => ({
            id: t.id,
            serviceAreaId: t.serviceAreaId,
            code: t.code,
            name: { en: t.nameEn, cy: t.nameCy },
            email: t.email,
            phone: t.phone,
            postalAddress: t.postalAddress,
          })),
      })),
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

export async function insertBusinessArea(db: Executor, values: BusinessAreaValues): Promise<string> {
  const [row] = await db
    .insert(businessAreas)
    .values({ code: values.code, nameEn: values.name.en, nameCy: values.name.cy, email: values.email, phone: values.phone, postalAddress: values.postalAddress, csqAdministratorId: values.csqAdministratorId })
    .returning({ id: businessAreas.id });
  return row!.id;
}

export async function updateBusinessArea(db: Executor, id: string, values: BusinessAreaValues): Promise<void> {
  await db
    .update(businessAreas)
    .set({ code: values.code, nameEn: values.name.en, nameCy: values.name.cy, email: values.email, phone: values.phone, postalAddress: values.postalAddress, csqAdministratorId: values.csqAdministratorId })
    .where(eq(businessAreas.id, id));
}

export type ServiceAreaValues = {
  businessAreaId: string;
  code: string;
  name: Names;
  nation: 'england' | 'wales';
  headOfServiceId: string | null;
};

export async function insertServiceArea(db: Executor, values: ServiceAreaValues): Promise<string> {
  const [row] = await db
    .insert(serviceAreas)
    .values({ businessAreaId: values.businessAreaId, code: values.code, nameEn: values.name.en, nameCy: values.name.cy, nation: values.nation, headOfServiceId: values.headOfServiceId })
    .returning({ id: serviceAreas.id });
  return row!.id;
}

export async function updateServiceArea(db: Executor, id: string, values: ServiceAreaValues): Promise<void> {
  await db
    .update(serviceAreas)
    .set({ businessAreaId: values.businessAreaId, code: values.code, nameEn: values.name.en, nameCy: values.name.cy, nation: values.nation, headOfServiceId: values.headOfServiceId })
    .where(eq(serviceAreas.id, id));
}

export type TeamValues = {
  serviceAreaId: string;
  code: string;
  name: Names;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
};

export async function insertTeam(db: Executor, values: TeamValues): Promise<string> {
  const [row] = await db
    .insert(teams)
    .values({ serviceAreaId: values.serviceAreaId, code: values.code, nameEn: values.name.en, nameCy: values.name.cy, email: values.email, phone: values.phone, postalAddress: values.postalAddress })
    .returning({ id: teams.id });
  return row!.id;
}

export async function updateTeam(db: Executor, id: string, values: TeamValues): Promise<void> {
  await db
    .update(teams)
    .set({ serviceAreaId: values.serviceAreaId, code: values.code, nameEn: values.name.en, nameCy: values.name.cy, email: values.email, phone: values.phone, postalAddress: values.postalAddress })
    .where(eq(teams.id, id));
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
