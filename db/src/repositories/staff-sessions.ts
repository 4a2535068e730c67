import type { RoleKey } from '@complaints/domain';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { staff, staffSessions } from '../schema/index';

/** A stored session: the id is the SHA-256 of the cookie's token, never the token. */
export type StaffSessionRecord = {
  id: string;
  staffId: string;
  createdAt: Date;
  lastActiveAt: Date;
  expiresAt: Date;
  secondFactorVerified: boolean;
  reauthenticatedAt: Date | null;
};

/** Who a session belongs to, with what deciding their access needs. */
export type SessionStaff = {
  id: string;
  email: string;
  fullName: string;
  role: RoleKey;
  businessAreaId: string | null;
  serviceAreaId: string | null;
  teamId: string | null;
  active: boolean;
  isDemo: boolean;
  secondFactorEnabled: boolean;
  /** Null after an administrator set a temporary password: the person must choose their own. */
  passwordChangedAt: Date | null;
};

export async function insertStaffSession(db: Executor, session: Omit<StaffSessionRecord, 'reauthenticatedAt'>): Promise<void> {
  await db.insert(staffSessions).values({
    id: session.id,
    staffId: session.staffId,
    createdAt: session.createdAt,
    lastActiveAt: session.lastActiveAt,
    expiresAt: session.expiresAt,
    secondFactorVerified: session.secondFactorVerified,
  });
}

function sessionWithStaffQuery(db: Executor) {
  return db
    .select({
      session: {
        id: staffSessions.id,
        staffId: staffSessions.staffId,
        createdAt: staffSessions.createdAt,
        lastActiveAt: staffSessions.lastActiveAt,
        expiresAt: staffSessions.expiresAt,
        secondFactorVerified: staffSessions.secondFactorVerified,
        reauthenticatedAt: staffSessions.reauthenticatedAt,
      },
      staff: {
        id: staff.id,
        email: staff.email,
        fullName: staff.fullName,
        role: staff.roleKey,
        businessAreaId: staff.businessAreaId,
        serviceAreaId: staff.serviceAreaId,
        teamId: staff.teamId,
        active: staff.active,
        isDemo: staff.isDemo,
        totpEnabledAt: staff.totpEnabledAt,
        passwordChangedAt: staff.passwordChangedAt,
      },
    })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(eq(staffSessions.id, sql.placeholder('id')))
    .prepare('find_staff_session');
}

/**
 * The query above, built once for each database (or transaction) it runs on and then given only
 * the id: drizzle otherwise builds its SQL afresh from the query's parts on every request.
 */
const sessionWithStaff = new WeakMap<Executor, ReturnType<typeof sessionWithStaffQuery>>();

/** The session with this id and its member of staff, in one query (it runs on every request). */
export async function findStaffSession(db: Executor, id: string): Promise<{ session: StaffSessionRecord; staff: SessionStaff } | null> {
  let query = sessionWithStaff.get(db);
  if (query === undefined) {
    query = sessionWithStaffQuery(db);
    sessionWithStaff.set(db, query);
  }
  const [row] = await query.execute({ id });
  if (!row) return null;
  const { totpEnabledAt, ...person } = row.staff;
  return { session: row.session, staff: { ...person, role: person.role as RoleKey, secondFactorEnabled: totpEnabledAt !== null } };
}

export async function touchStaffSession(db: Executor, id: string, times: { lastActiveAt: Date; expiresAt: Date }): Promise<void> {
  await db.update(staffSessions).set(times).where(eq(staffSessions.id, id));
}

export async function markSessionSecondFactorVerified(db: Executor, id: string): Promise<void> {
  await db.update(staffSessions).set({ secondFactorVerified: true }).where(eq(staffSessions.id, id));
}

/**
 * Moves a session to a new id (the hash of a new token), keeping when it started, when it expires
 * and when the password was last typed, and setting what has been verified since. The old id stops
 * working at once: a token seen before the second factor was verified is worth nothing after it.
 * False when the old session has already gone.
 */
export async function replaceStaffSession(db: Executor, oldId: string, newId: string, values: { secondFactorVerified: boolean; lastActiveAt: Date }): Promise<boolean> {
  const [old] = await db.delete(staffSessions).where(eq(staffSessions.id, oldId)).returning();
  if (!old) return false;
  await db.insert(staffSessions).values({ ...old, id: newId, secondFactorVerified: values.secondFactorVerified, lastActiveAt: values.lastActiveAt });
  return true;
}

export async function markSessionReauthenticated(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(staffSessions).set({ reauthenticatedAt: at }).where(eq(staffSessions.id, id));
}

export async function deleteStaffSession(db: Executor, id: string): Promise<boolean> {
  const deleted = await db.delete(staffSessions).where(eq(staffSessions.id, id)).returning({ id: staffSessions.id });
  return deleted.length > 0;
}

/** Ends every session of a person (a password change, deactivation), or every one but the one given. */
export async function deleteStaffSessionsOf(db: Executor, staffId: string, options: { except?: string } = {}): Promise<number> {
  const where = options.except ? and(eq(staffSessions.staffId, staffId), ne(staffSessions.id, options.except)) : eq(staffSessions.staffId, staffId);
  const deleted = await db.delete(staffSessions).where(where).returning({ id: staffSessions.id });
  return deleted.length;
}

export async function listStaffSessionIds(db: Executor, staffId: string): Promise<string[]> {
  const rows = await db.select({ id: staffSessions.id }).from(staffSessions).where(eq(staffSessions.staffId, staffId));
  return rows.map((r) => r.id);
}

/** A person's sessions, newest first, with what tells them apart (never the id). */
export async function listStaffSessionsOf(db: Executor, staffId: string): Promise<Array<{ id: string; createdAt: Date; lastActiveAt: Date; secondFactorVerified: boolean }>> {
  return db
    .select({ id: staffSessions.id, createdAt: staffSessions.createdAt, lastActiveAt: staffSessions.lastActiveAt, secondFactorVerified: staffSessions.secondFactorVerified })
    .from(staffSessions)
    .where(eq(staffSessions.staffId, staffId))
    .orderBy(desc(staffSessions.lastActiveAt));
}

/** Keeps new recovery codes (sealed) in a person's session until shown, or clears them with null. */
export async function setSessionRecoveryCodesToShow(db: Executor, session: { id: string; staffId: string }, sealed: Uint8Array | null): Promise<void> {
  await db
    .update(staffSessions)
    .set({ recoveryCodesToShow: sealed })
    .where(and(eq(staffSessions.id, session.id), eq(staffSessions.staffId, session.staffId)));
}

/** The recovery codes waiting in a person's session, sealed, if any. */
export async function findSessionRecoveryCodesToShow(db: Executor, id: string, staffId: string): Promise<Uint8Array | null> {
  const [row] = await db
    .select({ sealed: staffSessions.recoveryCodesToShow })
    .from(staffSessions)
    .where(and(eq(staffSessions.id, id), eq(staffSessions.staffId, staffId)));
  return row?.sealed ? new Uint8Array(row.sealed) : null;
}
