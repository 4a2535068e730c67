import type { RoleKey } from '@complaints/domain';
import { CAPABILITIES, type StaffActor } from './access';

/**
 * Who may change whose access. Administering accounts (`manage_staff`, `change_roles`) is shared
 * by national office and the system administrator, but the national roles are the keys to
 * everything: a system administrator who could make a national office account for an address
 * they control, or reset a national office member's password and second factor, could read every
 * complaint. So only national office grants, resets or removes national office and system
 * administrator access.
 */
export const PRIVILEGED_ROLES: readonly RoleKey[] = ['national_office', 'system_administrator'];

export function isPrivilegedRole(role: RoleKey | null | undefined): boolean {
  return role != null && PRIVILEGED_ROLES.includes(role);
}

/**
 * Whether `actor` may act on the access of an account that holds `current` (null for a new
 * account) and, after the change, `next` (the same role for a reset, deactivation or
 * reactivation).
 */
export function mayAdministerAccess(actor: Pick<StaffActor, 'role'>, roles: { current: RoleKey | null; next: RoleKey }): boolean {
  if (actor.role === 'national_office') return true;
  return !isPrivilegedRole(roles.current) && !isPrivilegedRole(roles.next);
}

function capabilitiesOf(role: RoleKey): Set<string> {
  return new Set(Object.entries(CAPABILITIES).filter(([, roles]) => (roles as readonly RoleKey[]).includes(role)).map(([capability]) => capability));
}

/**
 * Whether a change of role gives the person something they could not do before: any capability
 * the new role holds that the old one did not (a new account holds none). The account holder is
 * told of every such change, in case it was not theirs to have.
 */
export function isRoleIncrease(from: RoleKey | null, to: RoleKey): boolean {
  if (from === to) return false;
  const before = from ? capabilitiesOf(from) : new Set<string>();
  return [...capabilitiesOf(to)].some((capability) => !before.has(capability));
}
