import type { RoleKey } from '@complaints/domain';
import { asc, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../client';
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

export type DemoComplaintToFollow = { id: string; reference: string; state: string; stage: number; email: string | null };

/**
 * A few of the demo's complaints to follow online, for the start-up message: answered at stage 1
 * (a review may be asked for), closed (the survey is waiting) and acknowledged by post (the code
 * is printed on the letter; investigated, if too few are only acknowledged), two of each. Only a database with demo accounts has any to show.
 */
export async function listDemoComplaintsToFollow(db: Executor): Promise<DemoComplaintToFollow[]> {
  return queryRows<DemoComplaintToFollow>(
    db,
    sql`with demo as (select 1 from staff where is_demo limit 1),
        picked as (
          select c.id, c.reference, c.state, c.stage::int as stage, p.email,
                 row_number() over (partition by case when p.email is null then 'post' else c.state end order by c.reference) as n
          from complaints c join complainants p on p.complaint_id = c.id
          where exists (select 1 from demo) and c.kind = 'complaint' and c.stage = 1 and p.anonymised_at is null
            and ((c.state in ('response_sent', 'closed') and p.email is not null) or (c.state in ('acknowledged', 'investigating') and p.email is null))
        )
        select id, reference, state, stage, email from picked where n <= 2 order by state desc, reference`,
  );
}

/** Whether any demo account (from the demo seed, with its published password) is in the database. */
export async function hasDemoAccounts(db: Executor): Promise<boolean> {
  // Through a function of the owner's: the portal's database role may not read staff.
  const [row] = await queryRows<{ found: boolean }>(db, sql`select has_demo_staff() as found`);
  return row?.found === true;
}
