import { hashPassword, sessionIdOf } from '@complaints/auth';
import { findStaffAccount, insertStaffAccount, loadOrganisation, queryRows, setStaffPassword } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createAccessServices } from '../access/access-services';
import { createOrganisationServices } from '../organisation/organisation-services';
import type { ServiceDependencies } from '../dependencies';
import { createStaffServices } from './staff-services';

const PASSWORD = 'a quiet river at dawn';

describeEachDatabase('staff and organisation administration', (database) => {
  let now = new Date('2026-03-02T09:00:00Z');
  let counter = 0;
  const deps = (): ServiceDependencies => ({ db: database().db, clock: { now: () => new Date(now.getTime()) }, randomBytes: (n) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + ++counter * 13) & 0xff) });
  let admin: { id: string; role: 'system_administrator'; businessAreaId: null; serviceAreaId: null; teamId: null; sessionId: string };
  let areaId: string;

  beforeAll(async () => {
    const d = deps();
    const organisation = createOrganisationServices(d);
    const hash = await hashPassword(PASSWORD);
    const id = await insertStaffAccount(d.db, { email: 'sam.admin@example.org', fullName: 'Sam Admin', jobTitle: null, phone: null, role: 'system_administrator', businessAreaId: null, serviceAreaId: null, teamId: null, passwordHash: hash, createdAt: now });
    await setStaffPassword(d.db, id, { passwordHash: hash, passwordChangedAt: now });
    const signIn = await createAccessServices(d).signIn({ email: 'sam.admin@example.org', password: PASSWORD, clientIp: '192.0.2.1', allowDemoAccounts: true });
    if (signIn.outcome !== 'signed_in') throw new Error('not signed in');
    admin = { id, role: 'system_administrator', businessAreaId: null, serviceAreaId: null, teamId: null, sessionId: sessionIdOf(signIn.token) };
    const saved = await organisation.saveBusinessArea(admin, null, { code: 'east', nameEn: 'East', nameCy: 'Dwyrain' });
    if (saved.outcome !== 'saved') throw new Error('no area');
    areaId = saved.id;
  });

  it('adds an account with a temporary password the person must replace, and records it', async () => {
    const staff = createStaffServices(deps());
    const invalid = await staff.create(admin, { fullName: '', email: 'not an email', role: 'csq_administrator' });
    expect(invalid).toEqual({ outcome: 'invalid', problems: { fullName: 'required', email: 'invalid' } });
    const noArea = await staff.create(admin, { fullName: 'Ana Lee', email: 'ana.lee@example.org', role: 'csq_administrator' });
    expect(noArea).toEqual({ outcome: 'invalid', problems: { businessAreaId: 'scope_required' } });
    const created = await staff.create(admin, { fullName: 'Ana Lee', email: 'Ana.Lee@example.org', role: 'csq_administrator', businessAreaId: areaId }, 'req-1');
    if (created.outcome !== 'created') throw new Error('not created');
    const account = await findStaffAccount(deps().db, created.id);
    expect(account).toMatchObject({ email: 'ana.lee@example.org', role: 'csq_administrator', businessAreaId: areaId, mustChangePassword: true });
    expect(await staff.create(admin, { fullName: 'Ana Again', email: 'ana.lee@example.org', role: 'national_office' })).toEqual({ outcome: 'invalid', problems: { email: 'taken' } });
    const signIn = await createAccessServices(deps()).signIn({ email: 'ana.lee@example.org', password: created.temporaryPassword, clientIp: '192.0.2.2', allowDemoAccounts: false });
    expect(signIn).toMatchObject({ outcome: 'signed_in', stage: 'new_password' });
    const rows = await queryRows<{ action: string; subject: string }>(deps().db, sql`select action, subject from audit_log where staff_id = ${admin.id} and action = 'staff.created'`);
    expect(rows).toEqual([{ action: 'staff.created', subject: `staff:${created.id}` }]);
  });

  it('changes roles only with a recent password, never one’s own, and records each change', async () => {
    const staff = createStaffServices(deps());
    const created = await staff.create(admin, { fullName: 'Ben Cole', email: 'ben.cole@example.org', role: 'national_office' });
    if (created.outcome !== 'created') throw new Error('not created');
    expect(await staff.changeRole(admin, admin.id, { role: 'national_office' })).toEqual({ outcome: 'own_account' });
    expect(await staff.changeRole(admin, created.id, { role: 'csq_manager', businessAreaId: areaId })).toEqual({ outcome: 'changed' });
    expect((await findStaffAccount(deps().db, created.id))?.role).toBe('csq_manager');
    now = new Date(now.getTime() + 11 * 60_000);
    await expect(staff.changeRole(admin, created.id, { role: 'national_office' })).rejects.toMatchObject({ code: 'reauthentication_required' });
    expect(await createAccessServices(deps()).reauthenticate({ sessionId: admin.sessionId, staffId: admin.id, password: PASSWORD })).toBe('confirmed');
    expect(await staff.changeRole(admin, created.id, { role: 'national_office' })).toEqual({ outcome: 'changed' });
    const rows = await queryRows<{ n: number }>(deps().db, sql`select count(*)::int as n from audit_log where action = 'staff.role_changed' and subject = ${`staff:${created.id}`}`);
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it('refuses administration to roles without it', async () => {
    const manager = { id: admin.id, role: 'csq_manager' as const, businessAreaId: null, serviceAreaId: null, teamId: null, sessionId: admin.sessionId };
    await expect(createStaffServices(deps()).list(manager, { page: 1 })).rejects.toMatchObject({ code: 'not_allowed' });
    await expect(createOrganisationServices(deps()).show(manager)).rejects.toMatchObject({ code: 'not_allowed' });
  });

  it('deactivating an account ends its sessions at once', async () => {
    const d = deps();
    const staff = createStaffServices(d);
    const created = await staff.create(admin, { fullName: 'Cai Rhys', email: 'cai.rhys@example.org', role: 'national_office' });
    if (created.outcome !== 'created') throw new Error('not created');
    const signIn = await createAccessServices(d).signIn({ email: 'cai.rhys@example.org', password: created.temporaryPassword, clientIp: '192.0.2.3', allowDemoAccounts: false });
    if (signIn.outcome !== 'signed_in') throw new Error('not signed in');
    expect(await staff.setActive(admin, created.id, false)).toBe('done');
    expect(await createAccessServices(d).resumeSession({ token: signIn.token, allowDemoAccounts: false })).toBeNull();
    expect(await staff.setActive(admin, admin.id, false)).toBe('own_account');
  });

  it('keeps organisation codes unique and names only people with the right role', async () => {
    const organisation = createOrganisationServices(deps());
    expect(await organisation.saveBusinessArea(admin, null, { code: 'EAST', nameEn: 'East again', nameCy: 'Dwyrain eto' })).toEqual({ outcome: 'invalid', problems: { code: 'taken' } });
    expect(await organisation.saveBusinessArea(admin, areaId, { code: 'EAST', nameEn: 'East', nameCy: 'Dwyrain', csqAdministratorId: admin.id })).toEqual({ outcome: 'invalid', problems: { csqAdministratorId: 'wrong_role' } });
    const service = await organisation.saveServiceArea(admin, null, { businessAreaId: areaId, code: 'ANG', nameEn: 'Anglia', nameCy: 'Anglia', nation: 'england' });
    if (service.outcome !== 'saved') throw new Error('not saved');
    const team = await organisation.saveTeam(admin, null, { serviceAreaId: service.id, code: 'ANG-NOR', nameEn: 'Norwich', nameCy: 'Norwich', phone: '0300 123 9999' });
    expect(team.outcome).toBe('saved');
    const east = (await loadOrganisation(deps().db)).find((a) => a.id === areaId)!;
    expect(east.serviceAreas[0]!.teams[0]).toMatchObject({ code: 'ANG-NOR', phone: '0300 123 9999' });
  });
});
