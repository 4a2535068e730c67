import type { RoleKey } from '@complaints/domain';
import { and, asc, count, eq, ilike, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { businessAreas, roles, serviceAreas, staff, staffRecoveryCodes, teams } from '../schema/index';

/** What signing in needs to know of an account. Only services see the hash and the key. */
export type StaffCredentials = {
  id: string;
  email: string;
  fullName: string;
  role: RoleKey;
  active: boolean;
  isDemo: boolean;
  passwordHash: string | null;
  passwordChangedAt: Date | null;
  totpKey: Uint8Array | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
};

const credentialColumns = {
  id: staff.id,
  email: staff.email,
  fullName: staff.fullName,
  role: staff.roleKey,
  active: staff.active,
  isDemo: staff.isDemo,
  passwordHash: staff.passwordHash,
  passwordChangedAt: staff.passwordChangedAt,
  totpKey: staff.totpKey,
  totpEnabledAt: staff.totpEnabledAt,
  totpLastStep: staff.totpLastStep,
};

function credentials(row: { role: string; totpKey: Uint8Array | null } & Omit<StaffCredentials, 'role' | 'totpKey'>): StaffCredentials {
  // Drivers return bytea as Buffer or Uint8Array; callers get a plain Uint8Array either way.
  return { ...row, role: row.role as RoleKey, totpKey: row.totpKey ? new Uint8Array(row.totpKey) : null };
}

/** Emails are stored lower-case and compared lower-case (the unique index is on lower(email)). */
export async function findStaffCredentialsByEmail(db: Executor, email: string): Promise<StaffCredentials | null> {
  const [row] = await db.select(credentialColumns).from(staff).where(eq(sql`lower(${staff.email})`, email.trim().toLowerCase()));
  return row ? credentials(row) : null;
}

export async function findStaffCredentialsById(db: Executor, id: string): Promise<StaffCredentials | null> {
  const [row] = await db.select(credentialColumns).from(staff).where(eq(staff.id, id));
  return row ? credentials(row) : null;
}

export async function setStaffPassword(db: Executor, id: string, values: { passwordHash: string; passwordChangedAt: Date | null }): Promise<void> {
  await db.update(staff).set(values).where(eq(staff.id, id));
}

/**
 * Records that a TOTP time step has been used, only if it is later than the last one used: one
 * statement, so two requests racing with the same code cannot both succeed. False when the step
 * (or a later one) was already used.
 */
export async function claimTotpStep(db: Executor, id: string, step: number): Promise<boolean> {
  const claimed = await db
    .update(staff)
    .set({ totpLastStep: step })
    .where(and(eq(staff.id, id), or(isNull(staff.totpLastStep), lt(staff.totpLastStep, step))))
    .returning({ id: staff.id });
  return claimed.length > 0;
}

export async function enableStaffSecondFactor(db: Executor, id: string, values: { key: Uint8Array; enabledAt: Date; step: number }): Promise<void> {
  await db.update(staff).set({ totpKey: values.key, totpEnabledAt: values.enabledAt, totpLastStep: values.step }).where(eq(staff.id, id));
}

/** Every stored second-factor key, as stored (sealed, or written before sealing began). */
export async function listStaffSecondFactorKeys(db: Executor): Promise<Array<{ id: string; totpKey: Uint8Array }>> {
  const rows = await db.select({ id: staff.id, totpKey: staff.totpKey }).from(staff).where(sql`${staff.totpKey} is not null`);
  return rows.map((r) => ({ id: r.id, totpKey: new Uint8Array(r.totpKey!) }));
}

/** Replaces a stored key with its sealed form, only if it is still the value read (another instance may have sealed it). */
export async function replaceStaffSecondFactorKey(db: Executor, id: string, was: Uint8Array, sealed: Uint8Array): Promise<boolean> {
  const rows = await db
    .update(staff)
    .set({ totpKey: sealed })
    .where(and(eq(staff.id, id), eq(staff.totpKey, was)))
    .returning({ id: staff.id });
  return rows.length > 0;
}

/** Turns a second factor off (an administrator's reset): the key goes, and the recovery codes with it. */
export async function clearStaffSecondFactor(db: Executor, id: string): Promise<void> {
  await db.update(staff).set({ totpKey: null, totpEnabledAt: null, totpLastStep: null }).where(eq(staff.id, id));
  await db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, id));
}

/** A staff account as the administration pages show it: what an administrator sets, and what follows from it. */
export type StaffAccount = StaffAccountValues & {
  id: string;
  businessAreaName: { en: string; cy: string } | null;
  serviceAreaName: { en: string; cy: string } | null;
  teamName: { en: string; cy: string } | null;
  active: boolean;
  isDemo: boolean;
  secondFactorEnabled: boolean;
  mustChangePassword: boolean;
};

const accountColumns = {
  id: staff.id,
  email: staff.email,
  fullName: staff.fullName,
  jobTitle: staff.jobTitle,
  phone: staff.phone,
  role: staff.roleKey,
  businessAreaId: staff.businessAreaId,
  serviceAreaId: staff.serviceAreaId,
  teamId: staff.teamId,
  businessAreaEn: businessAreas.nameEn,
  businessAreaCy: businessAreas.nameCy,
  serviceAreaEn: serviceAreas.nameEn,
  serviceAreaCy: serviceAreas.nameCy,
  teamEn: teams.nameEn,
  teamCy: teams.nameCy,
  active: staff.active,
  isDemo: staff.isDemo,
  totpEnabledAt: staff.totpEnabledAt,
  passwordChangedAt: staff.passwordChangedAt,
};

type AccountRow = Omit<StaffAccount, 'role' | 'businessAreaName' | 'serviceAreaName' | 'teamName' | 'secondFactorEnabled' | 'mustChangePassword'> & {
  role: string;
  businessAreaEn: string | null;
  businessAreaCy: string | null;
  serviceAreaEn: string | null;
  serviceAreaCy: string | null;
  teamEn: string | null;
  teamCy: string | null;
  totpEnabledAt: Date | null;
  passwordChangedAt: Date | null;
};

function account(row: AccountRow): StaffAccount {
  const name = (en: string | null, cy: string | null) => (en !== null && cy !== null ? { en, cy } : null);
  return {
    id: row.id,
    email: row.email,
    fullName: row.fullName,
    jobTitle: row.jobTitle,
    phone: row.phone,
    role: row.role as RoleKey,
    businessAreaId: row.businessAreaId,
    serviceAreaId: row.serviceAreaId,
    teamId: row.teamId,
    businessAreaName: name(row.businessAreaEn, row.businessAreaCy),
    serviceAreaName: name(row.serviceAreaEn, row.serviceAreaCy),
    teamName: name(row.teamEn, row.teamCy),
    active: row.active,
    isDemo: row.isDemo,
    secondFactorEnabled: row.totpEnabledAt !== null,
    mustChangePassword: row.passwordChangedAt === null,
  };
}

export type StaffAccountFilter = {
  role?: RoleKey | undefined;
  businessAreaId?: string | undefined;
  /** Part of a name or email address. */
  search?: string | undefined;
  includeInactive?: boolean | undefined;
  limit: number;
  offset: number;
};

/** Staff accounts by role order then name, a page at a time, with the total for pagination. */
export async function listStaffAccounts(db: Executor, filter: StaffAccountFilter): Promise<{ accounts: StaffAccount[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.role) conditions.push(eq(staff.roleKey, filter.role));
  if (filter.businessAreaId) conditions.push(eq(staff.businessAreaId, filter.businessAreaId));
  if (!filter.includeInactive) conditions.push(eq(staff.active, true));
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(staff.fullName, pattern), ilike(staff.email, pattern))!);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const rows = await db
    .select(accountColumns)
    .from(staff)
    .innerJoin(roles, eq(roles.key, staff.roleKey))
    .leftJoin(businessAreas, eq(businessAreas.id, staff.businessAreaId))
    .leftJoin(serviceAreas, eq(serviceAreas.id, staff.serviceAreaId))
    .leftJoin(teams, eq(teams.id, staff.teamId))
    .where(where)
    .orderBy(asc(roles.position), asc(staff.fullName), asc(staff.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(staff).where(where);
  return { accounts: rows.map(account), total: Number(total?.n ?? 0) };
}

export async function findStaffAccount(db: Executor, id: string): Promise<StaffAccount | null> {
  const [row] = await db
    .select(accountColumns)
    .from(staff)
    .leftJoin(businessAreas, eq(businessAreas.id, staff.businessAreaId))
    .leftJoin(serviceAreas, eq(serviceAreas.id, staff.serviceAreaId))
    .leftJoin(teams, eq(teams.id, staff.teamId))
    .where(eq(staff.id, id));
  return row ? account(row) : null;
}

export type StaffAccountValues = {
  email: string;
  fullName: string;
  jobTitle: string | null;
  phone: string | null;
  role: RoleKey;
  businessAreaId: string | null;
  serviceAreaId: string | null;
  teamId: string | null;
};

/** An account's columns as an administrator sets them, when it is added and whenever it is changed (all but its email address). */
const staffDetailsRow = (values: Omit<StaffAccountValues, 'email'>) => ({
  fullName: values.fullName,
  jobTitle: values.jobTitle,
  phone: values.phone,
  roleKey: values.role,
  businessAreaId: values.businessAreaId,
  serviceAreaId: values.serviceAreaId,
  teamId: values.teamId,
});

export async function insertStaffAccount(db: Executor, values: StaffAccountValues & { passwordHash: string; createdAt: Date }): Promise<string> {
  const [row] = await db
    .insert(staff)
    .values({
      email: values.email.trim().toLowerCase(),
      ...staffDetailsRow(values),
      passwordHash: values.passwordHash,
      // No date: the temporary password must be replaced at first sign-in.
      passwordChangedAt: null,
      createdAt: values.createdAt,
    })
    .returning({ id: staff.id });
  return row!.id;
}

export async function updateStaffAccount(db: Executor, id: string, values: Omit<StaffAccountValues, 'email'>): Promise<void> {
  await db
    .update(staff)
    .set(staffDetailsRow(values))
    .where(eq(staff.id, id));
}

export async function setStaffAccountActive(db: Executor, id: string, active: boolean): Promise<void> {
  await db.update(staff).set({ active }).where(eq(staff.id, id));
}

export async function isStaffEmailTaken(db: Executor, email: string, exceptId?: string): Promise<boolean> {
  const same = eq(sql`lower(${staff.email})`, email.trim().toLowerCase());
  const [row] = await db.select({ n: count() }).from(staff).where(exceptId ? and(same, ne(staff.id, exceptId)) : same);
  return Number(row?.n ?? 0) > 0;
}

/** Active staff with a role, by name: the people who can be named Head of Service or CSQ administrator, or who are told of an alert. */
export async function listActiveStaffWithRole(db: Executor, role: RoleKey): Promise<Array<{ id: string; fullName: string; email: string }>> {
  return db
    .select({ id: staff.id, fullName: staff.fullName, email: staff.email })
    .from(staff)
    .where(and(eq(staff.roleKey, role), eq(staff.active, true)))
    .orderBy(asc(staff.fullName));
}

/** The names of staff by id, for pages that show who did something. */
export async function listStaffNames(db: Executor): Promise<Array<{ id: string; fullName: string; email: string }>> {
  return db.select({ id: staff.id, fullName: staff.fullName, email: staff.email }).from(staff).orderBy(asc(staff.fullName));
}
