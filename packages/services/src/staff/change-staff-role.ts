import type { StaffActor } from '@complaints/auth';
import { findStaffAccount, recordAudit, updateStaffAccount } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';
import { ensureRecentlyAuthenticated } from '../access/recent-authentication';
import { fieldProblems, resolveScope, staffRoleSchema, type FieldProblems } from './staff-account-input';

export type StaffRoleChange = { outcome: 'changed' } | { outcome: 'not_found' } | { outcome: 'own_account' } | { outcome: 'invalid'; problems: FieldProblems };

/**
 * Changes what someone may see and do: their role and its area. Needs a password typed in the
 * last 10 minutes, is never done to one's own account (no one raises their own access, and an
 * administrator cannot lock themselves out), and is recorded in the audit log.
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
  const scoped = await resolveScope(deps, parsed.data.role, parsed.data);
  if ('problems' in scoped) return { outcome: 'invalid', problems: scoped.problems };
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await updateStaffAccount(tx, id, { fullName: account.fullName, jobTitle: account.jobTitle, phone: account.phone, role: parsed.data.role, ...scoped.scope });
    await recordAudit(tx, { staffId: actor.id, action: 'staff.role_changed', subject: `staff:${id}`, requestId: requestId ?? null }, now);
  });
  return { outcome: 'changed' };
}
