import { isRoleIncrease, mayAdministerAccess, type StaffActor } from '@complaints/auth';
import { findStaffAccount, recordAudit, updateStaffAccount } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';
import { ensureRecentlyAuthenticated } from '../access/recent-authentication';
import { queueAccessChangeEmail } from './access-change-email';
import { actorName, fieldProblems, resolveScope, staffRoleSchema, type FieldProblems } from './staff-account-input';

export type StaffRoleChange = { outcome: 'changed' } | { outcome: 'not_found' } | { outcome: 'own_account' } | { outcome: 'invalid'; problems: FieldProblems };

/**
 * Changes what someone may see and do: their role and its area. Needs a password typed in the
 * last 10 minutes, is never done to one's own account (no one raises their own access, and an
 * administrator cannot lock themselves out), and is recorded in the audit log. Only national office
 * gives, or takes away, a national role. The account holder is emailed when the new role can do
 * anything the old one could not.
 */
export async function changeStaffRole(
  deps: ServiceDependencies,
  actor: StaffActor & { sessionId: string },
  id: string,
  input: Record<string, unknown>,
  requestId?: string,
): Promise<StaffRoleChange> {
  ensureCapability(actor, 'change_roles');
  await ensureRecentlyAuthenticated(deps, actor);
  const account = await findStaffAccount(deps.db, id);
  if (!account) return { outcome: 'not_found' };
  if (account.id === actor.id) return { outcome: 'own_account' };
  const parsed = staffRoleSchema.safeParse(input);
  if (!parsed.success) return { outcome: 'invalid', problems: fieldProblems(parsed.error) };
  if (!mayAdministerAccess(actor, { current: account.role, next: account.role })) return { outcome: 'invalid', problems: { role: 'holder_privileged' } };
  if (!mayAdministerAccess(actor, { current: account.role, next: parsed.data.role })) return { outcome: 'invalid', problems: { role: 'national_office_only' } };
  const scoped = await resolveScope(deps, parsed.data.role, parsed.data);
  if ('problems' in scoped) return { outcome: 'invalid', problems: scoped.problems };
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await updateStaffAccount(tx, id, { fullName: account.fullName, jobTitle: account.jobTitle, phone: account.phone, role: parsed.data.role, ...scoped.scope });
    await recordAudit(tx, { staffId: actor.id, action: 'staff.role_changed', subject: `staff:${id}`, requestId: requestId ?? null }, now);
    if (isRoleIncrease(account.role, parsed.data.role)) {
      await queueAccessChangeEmail(deps, tx, account.email, { kind: 'role_increased', from: account.role, to: parsed.data.role }, { actorName: await actorName(tx, actor.id), at: now });
    }
  });
  return { outcome: 'changed' };
}
