import type { RoleKey } from '@complaints/domain';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { roles, staff } from '../schema/index';

export type DemoAccount = { email: string; fullName: string; role: RoleKey; secondFactor: boolean };

/** The demo accounts, by role, for the start-up message. */
export async function listDemoAccounts(db: Executor): Promise<DemoAccount[]> {
  const rows = await db
    .select({ email: staff.email, fullName: staff.fullName, role: staff.roleKey, totp: staff.totpEnabledAt })
    .from(staff)
    .innerJoin(roles, eq(roles.key, staff.roleKey))
    .where(eq(staff.isDemo, true))
    .orderBy(asc(roles.position), asc(staff.fullName));
  return rows.map((r) => ({ email: r.email, fullName: r.fullName, role: r.role as RoleKey, secondFactor: r.totp !== null }));
}
