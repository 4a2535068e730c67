import { generateTemporaryPassword, hashPassword, mayAdministerAccess, type StaffActor } from '@complaints/auth';
import { insertStaffAccount, isStaffEmailTaken, recordAudit } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';
import { ensureRecentlyAuthenticated } from '../access/recent-authentication';
import { queueAccessChangeEmail } from './access-change-email';
import { actorName, fieldProblems, newStaffAccountSchema, resolveScope, type FieldProblems } from './staff-account-input';

export type StaffAccountCreation = { outcome: 'created'; id: string; temporaryPassword: string } | { outcome: 'invalid'; problems: FieldProblems };

/**
 * A new staff account with a role: giving someone a role needs a password typed in the last 10
 * minutes. The account gets a temporary password, shown once to the administrator, which the
 * person must replace when they first sign in. Only national office gives a national role. The
 * address the account is made for is told of it by email. Recorded in the audit log.
 */
export async function createStaffAccount(
  deps: ServiceDependencies,
  actor: StaffActor & { sessionId: string },
  input: Record<string, unknown>,
  requestId?: string,
): Promise<StaffAccountCreation> {
  ensureCapability(actor, 'manage_staff');
  ensureCapability(actor, 'change_roles');
  await ensureRecentlyAuthenticated(deps, actor);
  const parsed = newStaffAccountSchema.safeParse(input);
  if (!parsed.success) return { outcome: 'invalid', problems: fieldProblems(parsed.error) };
  const values = parsed.data;
  if (!mayAdministerAccess(actor, { current: null, next: values.role })) return { outcome: 'invalid', problems: { role: 'national_office_only' } };
  if (await isStaffEmailTaken(deps.db, values.email)) return { outcome: 'invalid', problems: { email: 'taken' } };
  const scoped = await resolveScope(deps, values.role, values);
  if ('problems' in scoped) return { outcome: 'invalid', problems: scoped.problems };
  const temporaryPassword = generateTemporaryPassword(deps.randomBytes);
  const passwordHash = await hashPassword(temporaryPassword);
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const created = await insertStaffAccount(tx, {
      email: values.email,
      fullName: values.fullName,
      jobTitle: values.jobTitle,
      phone: values.phone,
      role: values.role,
      ...scoped.scope,
      passwordHash,
      createdAt: now,
    });
    await recordAudit(tx, { staffId: actor.id, action: 'staff.created', subject: `staff:${created}`, requestId: requestId ?? null }, now);
    await queueAccessChangeEmail(deps, tx, values.email, { kind: 'account_created', role: values.role }, { actorName: await actorName(tx, actor.id), at: now });
    return created;
  });
  return { outcome: 'created', id, temporaryPassword };
}
