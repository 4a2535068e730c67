import type { RoleKey } from '@complaints/domain';
import { describe, expect, it } from 'vitest';
import { isRoleIncrease, mayAdministerAccess } from './account-administration';

const ROLES: RoleKey[] = ['csq_administrator', 'responding_manager', 'head_of_service', 'csq_manager', 'national_office', 'system_administrator'];

describe('who may change whose access', () => {
  const sysadmin = { role: 'system_administrator' as const };
  const national = { role: 'national_office' as const };

  it('lets only national office grant, reset or remove the national roles', () => {
    for (const privileged of ['national_office', 'system_administrator'] as const) {
      // Granting: a new account, or a role raised to it.
      expect(mayAdministerAccess(sysadmin, { current: null, next: privileged })).toBe(false);
      expect(mayAdministerAccess(sysadmin, { current: 'csq_manager', next: privileged })).toBe(false);
      // Resetting (or deactivating) someone who holds it.
      expect(mayAdministerAccess(sysadmin, { current: privileged, next: privileged })).toBe(false);
      // Removing it.
      expect(mayAdministerAccess(sysadmin, { current: privileged, next: 'csq_administrator' })).toBe(false);
      expect(mayAdministerAccess(national, { current: null, next: privileged })).toBe(true);
      expect(mayAdministerAccess(national, { current: privileged, next: 'csq_administrator' })).toBe(true);
    }
  });

  it('leaves the other roles to either administrator', () => {
    for (const current of [null, 'csq_administrator', 'responding_manager', 'head_of_service', 'csq_manager'] as const) {
      expect(mayAdministerAccess(sysadmin, { current, next: 'csq_manager' })).toBe(true);
      expect(mayAdministerAccess(national, { current, next: 'csq_manager' })).toBe(true);
    }
  });
});

describe('a role increase', () => {
  it('is any change that gives a capability the old role did not have, and any new account', () => {
    for (const role of ROLES) expect(isRoleIncrease(null, role)).toBe(true);
    for (const role of ROLES) expect(isRoleIncrease(role, role)).toBe(false);
    expect(isRoleIncrease('csq_administrator', 'national_office')).toBe(true);
    expect(isRoleIncrease('responding_manager', 'csq_manager')).toBe(true);
    expect(isRoleIncrease('csq_administrator', 'system_administrator')).toBe(true);
    // National office holds every capability a responding manager does, and more.
    expect(isRoleIncrease('national_office', 'responding_manager')).toBe(false);
  });
});
