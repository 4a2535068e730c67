import { testSecondFactorSealer } from '../testing/casework-fixture';
import { hashPassword, sessionIdOf } from '@complaints/auth';
import { countUnusedStaffRecoveryCodes, findStaffAccount, insertStaffAccount, loadOrganisation, queryRows, replaceStaffRecoveryCodes, setStaffPassword } from '@complaints/db';
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
  const deps = (): ServiceDependencies => ({ db: database().db, clock: { now: () => new Date(now.getTime()) }, randomBytes: (n) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + ++counter * 13) & 0xff), secondFactorSealer: testSecondFactorSealer });
  type Administrator = { id: string; role: 'system_administrator' | 'national_office'; businessAreaId: null; serviceAreaId: null; teamId: null; sessionId: string };
  let admin: Administrator;
  let national: Administrator;
  let areaId: string;

  async function findStaffByEmail(email: string) {
    const [row] = await queryRows<{ id: string }>(deps().db, sql`select id from staff where email = ${email}`);
    return row ?? null;
  }

  async function signedInAs(email: string, fullName: string, role: Administrator['role']): Promise<Administrator> {
    const d = deps();
    const hash = await hashPassword(PASSWORD);
    const id = await insertStaffAccount(d.db, { email, fullName, jobTitle: null, phone: null, role, businessAreaId: null, serviceAreaId: null, teamId: null, passwordHash: hash, createdAt: now });
    await setStaffPassword(d.db, id, { passwordHash: hash, passwordChangedAt: now });
    const signIn = await createAccessServices(d).signIn({ email, password: PASSWORD, clientIp: '192.0.2.1', allowDemoAccounts: true });
    if (signIn.outcome !== 'signed_in') throw new Error('not signed in');
    return { id, role, businessAreaId: null, serviceAreaId: null, teamId: null, sessionId: sessionIdOf(signIn.token) };
  }

  beforeAll(async () => {
    const d = deps();
    const organisation = createOrganisationServices(d);
    admin = await signedInAs('sam.admin@example.org', 'Sam Admin', 'system_administrator');
    national = await signedInAs('nia.national@example.org', 'Nia National', 'national_office');
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
    expect(await staff.create(admin, { fullName: 'Ana Again', email: 'ana.lee@example.org', role: 'csq_manager', businessAreaId: areaId })).toEqual({ outcome: 'invalid', problems: { email: 'taken' } });
    const signIn = await createAccessServices(deps()).signIn({ email: 'ana.lee@example.org', password: created.temporaryPassword, clientIp: '192.0.2.2', allowDemoAccounts: false });
    expect(signIn).toMatchObject({ outcome: 'signed_in', stage: 'new_password' });
    const rows = await queryRows<{ action: string; subject: string }>(deps().db, sql`select action, subject from audit_log where staff_id = ${admin.id} and action = 'staff.created'`);
    expect(rows).toEqual([{ action: 'staff.created', subject: `staff:${created.id}` }]);
  });

  it('changes roles only with a recent password, never one’s own, and records each change', async () => {
    const staff = createStaffServices(deps());
    const created = await staff.create(national, { fullName: 'Ben Cole', email: 'ben.cole@example.org', role: 'national_office' });
    if (created.outcome !== 'created') throw new Error('not created');
    expect(await staff.changeRole(national, national.id, { role: 'csq_manager', businessAreaId: areaId })).toEqual({ outcome: 'own_account' });
    expect(await staff.changeRole(national, created.id, { role: 'csq_manager', businessAreaId: areaId })).toEqual({ outcome: 'changed' });
    expect((await findStaffAccount(deps().db, created.id))?.role).toBe('csq_manager');
    now = new Date(now.getTime() + 11 * 60_000);
    await expect(staff.changeRole(national, created.id, { role: 'national_office' })).rejects.toMatchObject({ code: 'reauthentication_required' });
    expect(await createAccessServices(deps()).reauthenticate({ sessionId: national.sessionId, staffId: national.id, password: PASSWORD })).toBe('confirmed');
    expect(await createAccessServices(deps()).reauthenticate({ sessionId: admin.sessionId, staffId: admin.id, password: PASSWORD })).toBe('confirmed');
    expect(await staff.changeRole(national, created.id, { role: 'national_office' })).toEqual({ outcome: 'changed' });
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
    const created = await staff.create(admin, { fullName: 'Cai Rhys', email: 'cai.rhys@example.org', role: 'csq_administrator', businessAreaId: areaId });
    if (created.outcome !== 'created') throw new Error('not created');
    const signIn = await createAccessServices(d).signIn({ email: 'cai.rhys@example.org', password: created.temporaryPassword, clientIp: '192.0.2.3', allowDemoAccounts: false });
    if (signIn.outcome !== 'signed_in') throw new Error('not signed in');
    expect(await staff.setActive(admin, created.id, false)).toBe('done');
    expect(await createAccessServices(d).resumeSession({ token: signIn.token, allowDemoAccounts: false })).toBeNull();
    expect(await staff.setActive(admin, admin.id, false)).toBe('own_account');
  });

  /**
   * The emails queued to one address about their access, by kind then text (the test clock stands
   * still, so they cannot be told apart by when they were queued).
   */
  async function accessEmailsTo(email: string): Promise<Array<{ template: string; subject: string; text: string }>> {
    const rows = await queryRows<{ template: string; payload: { subject: string; text: string } }>(
      deps().db,
      sql`select template, payload from outbox where recipient = ${email} and template like 'staff.%'`,
    );
    return rows
      .map((r) => ({ template: r.template, subject: r.payload.subject, text: r.payload.text }))
      .sort((a, b) => a.template.localeCompare(b.template) || a.text.localeCompare(b.text));
  }

  async function passwordHashOf(id: string): Promise<string | null> {
    const [row] = await queryRows<{ password_hash: string | null }>(deps().db, sql`select password_hash from staff where id = ${id}`);
    return row?.password_hash ?? null;
  }

  it('lets only national office make an account with a national role, and tells the address it was made for', async () => {
    const staff = createStaffServices(deps());
    for (const role of ['national_office', 'system_administrator'] as const) {
      expect(await staff.create(admin, { fullName: 'Eve Mallory', email: 'eve.mallory@example.org', role })).toEqual({ outcome: 'invalid', problems: { role: 'national_office_only' } });
    }
    expect(await findStaffByEmail('eve.mallory@example.org')).toBeNull();
    expect(await accessEmailsTo('eve.mallory@example.org')).toEqual([]);

    const created = await staff.create(national, { fullName: 'Dai Evans', email: 'dai.evans@example.org', role: 'system_administrator' });
    expect(created.outcome).toBe('created');
    const [email] = await accessEmailsTo('dai.evans@example.org');
    expect(email?.template).toBe('staff.account_created');
    expect(email?.subject).toBe('Your access to the complaints back office has changed / Mae eich mynediad i swyddfa gefn y cwynion wedi newid');
    expect(email?.text).toContain('Nia National made an account for this email address');
    expect(email?.text).toContain('with the role System administrator');
    expect(email?.text).toContain('tell national office at once');
    // The temporary password is never in the email.
    if (created.outcome === 'created') expect(email?.text).not.toContain(created.temporaryPassword);
  });

  it('lets only national office raise someone to a national role or change a national role, and tells the holder of every increase', async () => {
    const staff = createStaffServices(deps());
    const created = await staff.create(admin, { fullName: 'Fay Hill', email: 'fay.hill@example.org', role: 'csq_administrator', businessAreaId: areaId });
    if (created.outcome !== 'created') throw new Error('not created');
    expect(await staff.changeRole(admin, created.id, { role: 'national_office' })).toEqual({ outcome: 'invalid', problems: { role: 'national_office_only' } });
    expect(await staff.changeRole(admin, created.id, { role: 'system_administrator' })).toEqual({ outcome: 'invalid', problems: { role: 'national_office_only' } });
    expect((await findStaffAccount(deps().db, created.id))?.role).toBe('csq_administrator');

    // A system administrator may raise a role that is not national: the holder is told.
    expect(await staff.changeRole(admin, created.id, { role: 'csq_manager', businessAreaId: areaId })).toEqual({ outcome: 'changed' });
    expect((await accessEmailsTo('fay.hill@example.org')).map((e) => e.template)).toEqual(['staff.account_created', 'staff.role_increased']);
    expect((await accessEmailsTo('fay.hill@example.org'))[1]?.text).toContain('Sam Admin changed your role from CSQ administrator to CSQ manager');
    now = new Date(now.getTime() + 1000);

    expect(await staff.changeRole(national, created.id, { role: 'national_office' })).toEqual({ outcome: 'changed' });
    expect((await accessEmailsTo('fay.hill@example.org')).map((e) => e.template)).toEqual(['staff.account_created', 'staff.role_increased', 'staff.role_increased']);
    // Now that it is national, only national office takes it away; a lower role is not emailed.
    expect(await staff.changeRole(admin, created.id, { role: 'csq_administrator', businessAreaId: areaId })).toEqual({ outcome: 'invalid', problems: { role: 'holder_privileged' } });
    expect((await findStaffAccount(deps().db, created.id))?.role).toBe('national_office');
    expect(await staff.changeRole(national, created.id, { role: 'csq_administrator', businessAreaId: areaId })).toEqual({ outcome: 'changed' });
    expect(await accessEmailsTo('fay.hill@example.org')).toHaveLength(3);
  });

  it('lets only national office reset a national role’s password, and tells the holder of every reset', async () => {
    const staff = createStaffServices(deps());
    const before = await passwordHashOf(national.id);
    expect(await staff.resetPassword(admin, national.id)).toEqual({ outcome: 'national_office_only' });
    expect(await passwordHashOf(national.id)).toBe(before);
    expect(await accessEmailsTo('nia.national@example.org')).toEqual([]);

    const other = await staff.create(national, { fullName: 'Gwen Price', email: 'gwen.price@example.org', role: 'national_office' });
    if (other.outcome !== 'created') throw new Error('not created');
    expect((await staff.resetPassword(national, other.id)).outcome).toBe('reset');
    const manager = await staff.create(admin, { fullName: 'Huw Bell', email: 'huw.bell@example.org', role: 'csq_manager', businessAreaId: areaId });
    if (manager.outcome !== 'created') throw new Error('not created');
    expect((await staff.resetPassword(admin, manager.id)).outcome).toBe('reset');
    for (const address of ['gwen.price@example.org', 'huw.bell@example.org']) {
      const emails = await accessEmailsTo(address);
      expect(emails.map((e) => e.template)).toEqual(['staff.account_created', 'staff.password_reset']);
      expect(emails[1]?.text).toContain('reset your password');
    }
  });

  it('lets only national office reset a national role’s second factor, and tells the holder', async () => {
    const staff = createStaffServices(deps());
    expect(await staff.resetSecondFactor(admin, national.id)).toBe('national_office_only');
    expect(await accessEmailsTo('nia.national@example.org')).toEqual([]);
    const manager = await staff.create(admin, { fullName: 'Iolo Ward', email: 'iolo.ward@example.org', role: 'csq_manager', businessAreaId: areaId });
    if (manager.outcome !== 'created') throw new Error('not created');
    // Recovery codes go with the second factor they belong to.
    await replaceStaffRecoveryCodes(deps().db, manager.id, ['a'.repeat(64), 'b'.repeat(64)], new Date());
    expect(await countUnusedStaffRecoveryCodes(deps().db, manager.id)).toBe(2);
    expect(await staff.resetSecondFactor(admin, manager.id)).toBe('reset');
    expect(await countUnusedStaffRecoveryCodes(deps().db, manager.id)).toBe(0);
    expect((await accessEmailsTo('iolo.ward@example.org')).map((e) => e.template)).toEqual(['staff.account_created', 'staff.second_factor_reset']);
    // Last: it signs the system administrator out everywhere.
    expect(await staff.resetSecondFactor(national, admin.id)).toBe('reset');
    expect((await accessEmailsTo('sam.admin@example.org')).map((e) => e.template)).toEqual(['staff.second_factor_reset']);
  });

  it('lets only national office deactivate or reactivate a national role, and tells the holder of a reactivation', async () => {
    const staff = createStaffServices(deps());
    expect(await staff.setActive(admin, national.id, false)).toBe('national_office_only');
    expect((await findStaffAccount(deps().db, national.id))?.active).toBe(true);
    const other = await staff.create(national, { fullName: 'Jac Lloyd', email: 'jac.lloyd@example.org', role: 'system_administrator' });
    if (other.outcome !== 'created') throw new Error('not created');
    expect(await staff.setActive(national, other.id, false)).toBe('done');
    expect(await staff.setActive(admin, other.id, true)).toBe('national_office_only');
    expect((await findStaffAccount(deps().db, other.id))?.active).toBe(false);
    expect(await staff.setActive(national, other.id, true)).toBe('done');
    expect((await accessEmailsTo('jac.lloyd@example.org')).map((e) => e.template)).toEqual(['staff.account_created', 'staff.reactivated']);
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
