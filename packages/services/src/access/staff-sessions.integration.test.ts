import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { testSecondFactorSealer } from '../testing/casework-fixture';
import { decodeTotpKey, encodeTotpKey, hashPassword, sessionIdOf, totpCodeAt, totpStepAt } from '@complaints/auth';
import { insertStaffAccount, listStaffSessionIds, queryRows, schema, setStaffPassword } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import type { RoleKey } from '@complaints/domain';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { ServiceDependencies } from '../dependencies';
import { createAccessServices } from './access-services';

const PASSWORD = 'a quiet river at dawn';
const minutes = (n: number) => n * 60_000;

describeEachDatabase('staff sessions, second factor and throttling', (database) => {
  let now = new Date('2026-03-02T09:00:00Z');
  const clock = { now: () => new Date(now.getTime()) };
  const randomBytes = (n: number) => new Uint8Array(cryptoRandomBytes(n));
  let access: ReturnType<typeof createAccessServices>;
  let deps: ServiceDependencies;
  let passwordHash: string;

  beforeAll(async () => {
    deps = { db: database().db, clock, randomBytes, secondFactorSealer: testSecondFactorSealer };
    access = createAccessServices(deps);
    passwordHash = await hashPassword(PASSWORD);
  });

  let people = 0;
  async function person(role: RoleKey = 'csq_manager', options: { demo?: boolean } = {}) {
    people += 1;
    const email = `person.${people}@example.org`;
    const id = await insertStaffAccount(deps.db, {
      email,
      fullName: `Person ${people}`,
      jobTitle: null,
      phone: null,
      role,
      businessAreaId: null,
      serviceAreaId: null,
      teamId: null,
      passwordHash,
      createdAt: now,
    });
    await setStaffPassword(deps.db, id, { passwordHash, passwordChangedAt: now });
    if (options.demo) await deps.db.update(schema.staff).set({ isDemo: true }).where(eq(schema.staff.id, id));
    return { id, email };
  }

  const signIn = (email: string, password = PASSWORD, clientIp = '192.0.2.1') =>
    access.signIn({ email, password, clientIp, allowDemoAccounts: true, requestId: 'test' });
  const resume = (token: string) => access.resumeSession({ token, allowDemoAccounts: true });

  async function signedIn(email: string): Promise<string> {
    const result = await signIn(email);
    if (result.outcome !== 'signed_in') throw new Error(`could not sign in as ${email}: ${result.reason}`);
    return result.token;
  }

  /** Signs in and sets up a second factor, giving the session the set-up leaves (with its recovery codes). */
  async function withSecondFactor(email: string, id: string): Promise<{ token: string }> {
    const first = await signIn(email);
    if (first.outcome !== 'signed_in') throw new Error('not signed in');
    const setUp = await access.startSecondFactorSetup({ email, issuer: 'Test' });
    const on = await access.confirmSecondFactorSetup({ sessionId: sessionIdOf(first.token), staffId: id, key: setUp.key, code: totpCodeAt(decodeTotpKey(setUp.key)!, now) });
    if (on.outcome !== 'enabled') throw new Error('not enabled');
    return on;
  }

  it('stores only the SHA-256 of the token, and finds the session by it', async () => {
    const { email, id } = await person();
    const token = await signedIn(email);
    const stored = await listStaffSessionIds(deps.db, id);
    expect(stored).toEqual([sessionIdOf(token)]);
    expect(stored[0]).not.toContain(token);
    const session = await resume(token);
    expect(session?.staff.email).toBe(email);
    // A new account has no second factor yet: whatever the role, setting one up comes first.
    expect(session?.stage).toBe('second_factor_setup');
    expect(await resume(`${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`)).toBeNull();
  });

  it('ends a session idle for 30 minutes, and deletes it', async () => {
    const { email, id } = await person();
    const token = await signedIn(email);
    now = new Date(now.getTime() + minutes(29));
    expect(await resume(token)).not.toBeNull();
    now = new Date(now.getTime() + minutes(30));
    expect(await resume(token)).toBeNull();
    expect(await listStaffSessionIds(deps.db, id)).toEqual([]);
  });

  it('ends a session 12 hours after sign-in however active, and deletes it', async () => {
    const { email, id } = await person();
    const token = await signedIn(email);
    for (let elapsed = 20; elapsed < 12 * 60; elapsed += 20) {
      now = new Date(now.getTime() + minutes(20));
      expect(await resume(token), `after ${elapsed} minutes of activity`).not.toBeNull();
    }
    now = new Date(now.getTime() + minutes(20));
    expect(await resume(token)).toBeNull();
    expect(await listStaffSessionIds(deps.db, id)).toEqual([]);
  });

  it('ends the session in the database at sign-out', async () => {
    const { email, id } = await person();
    const token = await signedIn(email);
    await access.signOut({ sessionId: sessionIdOf(token), staffId: id });
    expect(await listStaffSessionIds(deps.db, id)).toEqual([]);
    expect(await resume(token)).toBeNull();
  });

  it('lists where a person is signed in, and signs them out everywhere else, leaving this browser and other people alone', async () => {
    const { email, id } = await person();
    const other = await person();
    const laptop = await signedIn(email);
    now = new Date(now.getTime() + minutes(5));
    const phone = await signedIn(email);
    const theirs = await signedIn(other.email);
    now = new Date(now.getTime() + minutes(1));
    const listed = await access.listOwnSessions({ staffId: id, sessionId: sessionIdOf(phone) });
    expect(listed.map((s) => s.current)).toEqual([true, false]);
    expect(JSON.stringify(listed)).not.toContain(sessionIdOf(laptop));
    expect(await access.signOutEverywhereElse({ staffId: id, sessionId: sessionIdOf(phone), requestId: 'test' })).toEqual({ ended: 1 });
    expect(await resume(laptop)).toBeNull();
    expect(await resume(phone)).not.toBeNull();
    expect(await resume(theirs)).not.toBeNull();
    expect(await access.listOwnSessions({ staffId: id, sessionId: sessionIdOf(phone) })).toHaveLength(1);
    const [audit] = await queryRows<{ n: number }>(deps.db, sql`select count(*)::int as n from audit_log where staff_id = ${id} and action = 'staff.signed_out_elsewhere'`);
    expect(audit!.n).toBe(1);
  });

  it('leaves out of the list a session that has lapsed but not yet been removed', async () => {
    const { email, id } = await person();
    const old = await signedIn(email);
    now = new Date(now.getTime() + minutes(31));
    const fresh = await signedIn(email);
    expect(await listStaffSessionIds(deps.db, id)).toContain(sessionIdOf(old));
    expect(await access.listOwnSessions({ staffId: id, sessionId: sessionIdOf(fresh) })).toEqual([expect.objectContaining({ current: true })]);
  });

  it('ends every session of the person when they change their password, and gives this browser a new one', async () => {
    const { email, id } = await person();
    const here = await signedIn(email);
    const elsewhere = await signedIn(email);
    const wrong = await access.changePassword({ sessionId: sessionIdOf(here), staffId: id, current: 'not my password', next: 'a brand new phrase here' });
    expect(wrong).toEqual({ outcome: 'refused', problem: 'current_wrong' });
    const common = await access.changePassword({ sessionId: sessionIdOf(here), staffId: id, current: PASSWORD, next: 'qwerty123456' });
    expect(common).toEqual({ outcome: 'refused', problem: 'common' });
    const changed = await access.changePassword({ sessionId: sessionIdOf(here), staffId: id, current: PASSWORD, next: 'a brand new phrase here' });
    if (changed.outcome !== 'changed') throw new Error('not changed');
    expect(await resume(here)).toBeNull();
    expect(await resume(elsewhere)).toBeNull();
    expect(await listStaffSessionIds(deps.db, id)).toEqual([sessionIdOf(changed.token)]);
    expect((await resume(changed.token))?.stage).toBe('second_factor_setup');
    expect((await signIn(email)).outcome).toBe('refused');
    expect((await signIn(email, 'a brand new phrase here')).outcome).toBe('signed_in');
  });

  it('sets up a second factor, then asks for a code at sign-in and accepts each code once only', async () => {
    const { email, id } = await person('national_office');
    const first = await signIn(email);
    expect(first).toMatchObject({ outcome: 'signed_in', stage: 'second_factor_setup' });
    if (first.outcome !== 'signed_in') return;
    const setUp = await access.startSecondFactorSetup({ email, issuer: 'Test' });
    const secret = decodeTotpKey(setUp.key)!;
    expect(await access.confirmSecondFactorSetup({ sessionId: sessionIdOf(first.token), staffId: id, key: setUp.key, code: '000000' })).toEqual({ outcome: 'wrong' });
    const enabled = await access.confirmSecondFactorSetup({ sessionId: sessionIdOf(first.token), staffId: id, key: setUp.key, code: totpCodeAt(secret, now) });
    if (enabled.outcome !== 'enabled') throw new Error('not enabled');
    // A new token for the session: the one from before the second factor no longer works.
    expect(enabled.token).not.toBe(first.token);
    expect(await resume(first.token)).toBeNull();
    expect((await resume(enabled.token))?.stage).toBe('complete');

    // The next step: a new sign-in owes a code; the code used at set-up is refused.
    const second = await signIn(email);
    expect(second).toMatchObject({ outcome: 'signed_in', stage: 'second_factor' });
    if (second.outcome !== 'signed_in') return;
    expect((await resume(second.token))?.stage).toBe('second_factor');
    const verify = (code: string) => access.verifySecondFactor({ sessionId: sessionIdOf(second.token), staffId: id, code });
    expect(await verify(totpCodeAt(secret, now))).toEqual({ outcome: 'wrong' });
    now = new Date(now.getTime() + 30_000);
    const fresh = totpCodeAt(secret, now);
    const verified = await verify(fresh);
    if (verified.outcome !== 'accepted') throw new Error('not accepted');
    // The session's token is replaced when the second factor is given: the old one, which may
    // have been seen, is not a signed-in session.
    expect(verified.token).not.toBe(second.token);
    expect(await resume(second.token)).toBeNull();
    expect((await resume(verified.token))?.stage).toBe('complete');

    // Seen over a shoulder and typed again at once on another sign-in: refused.
    const third = await signIn(email);
    if (third.outcome !== 'signed_in') throw new Error('not signed in');
    expect(await access.verifySecondFactor({ sessionId: sessionIdOf(third.token), staffId: id, code: fresh })).toEqual({ outcome: 'wrong' });
    expect((await resume(third.token))?.stage).toBe('second_factor');
    expect(encodeTotpKey(secret)).toBe(setUp.key);
  });

  it('moves a second factor to a new authenticator app only after a recent password, and the old app stops working', async () => {
    const { email, id } = await person('csq_manager');
    const first = await signIn(email);
    if (first.outcome !== 'signed_in') throw new Error('not signed in');
    const oldSetUp = await access.startSecondFactorSetup({ email, issuer: 'Test' });
    const oldKey = decodeTotpKey(oldSetUp.key)!;
    const on = await access.confirmSecondFactorSetup({ sessionId: sessionIdOf(first.token), staffId: id, key: oldSetUp.key, code: totpCodeAt(oldKey, now) });
    if (on.outcome !== 'enabled') throw new Error('not enabled');
    const newSetUp = await access.startSecondFactorSetup({ email, issuer: 'Test' });
    const newKey = decodeTotpKey(newSetUp.key)!;
    now = new Date(now.getTime() + 30_000);
    // Not asked for: a second factor already on is left alone.
    expect(await access.confirmSecondFactorSetup({ sessionId: sessionIdOf(on.token), staffId: id, key: newSetUp.key, code: totpCodeAt(newKey, now) })).toEqual({ outcome: 'already_enabled' });
    // Asked for, but the password was typed more than 10 minutes ago: refused until it is typed again.
    now = new Date(now.getTime() + 11 * 60_000);
    await expect(
      access.confirmSecondFactorSetup({ sessionId: sessionIdOf(on.token), staffId: id, key: newSetUp.key, code: totpCodeAt(newKey, now), replace: true }),
    ).rejects.toMatchObject({ code: 'reauthentication_required' });
    // Signed in afresh (password and the old app's code), the new app replaces the old one.
    const again = await signIn(email);
    if (again.outcome !== 'signed_in') throw new Error('not signed in');
    const verified = await access.verifySecondFactor({ sessionId: sessionIdOf(again.token), staffId: id, code: totpCodeAt(oldKey, now) });
    if (verified.outcome !== 'accepted') throw new Error('not accepted');
    now = new Date(now.getTime() + 30_000);
    const changed = await access.confirmSecondFactorSetup({ sessionId: sessionIdOf(verified.token), staffId: id, key: newSetUp.key, code: totpCodeAt(newKey, now), replace: true });
    if (changed.outcome !== 'enabled') throw new Error('not changed');
    expect(await resume(verified.token)).toBeNull();
    expect((await resume(changed.token))?.stage).toBe('complete');
    const audit = await queryRows<{ action: string }>(deps.db, sql`select action from audit_log where staff_id = ${id} order by id`);
    expect(audit.map((a) => a.action)).toContain('staff.second_factor_changed');
    // The next sign-in takes the new app's code, not the old one's.
    now = new Date(now.getTime() + 30_000);
    const next = await signIn(email);
    if (next.outcome !== 'signed_in') throw new Error('not signed in');
    expect(await access.verifySecondFactor({ sessionId: sessionIdOf(next.token), staffId: id, code: totpCodeAt(oldKey, now) })).toEqual({ outcome: 'wrong' });
    expect(await access.verifySecondFactor({ sessionId: sessionIdOf(next.token), staffId: id, code: totpCodeAt(newKey, now) })).toMatchObject({ outcome: 'accepted' });
  });

  it('gives ten recovery codes with a second factor, each signing in once instead of the app; new ones after a recent password replace them', async () => {
    const { email, id } = await person('national_office');
    const on = await withSecondFactor(email, id);
    // The codes wait in the new session to be shown once, until the person says they have kept them.
    const shown = await access.ownRecoveryCodes({ staffId: id, sessionId: sessionIdOf(on.token) });
    expect(shown.left).toBe(10);
    const codes = shown.toShow!;
    expect(codes).toHaveLength(10);
    expect(await access.ownRecoveryCodes({ staffId: id, sessionId: sessionIdOf(on.token) })).toEqual({ toShow: codes, left: 10 });
    await access.recoveryCodesKept({ staffId: id, sessionId: sessionIdOf(on.token) });
    expect(await access.ownRecoveryCodes({ staffId: id, sessionId: sessionIdOf(on.token) })).toEqual({ toShow: null, left: 10 });
    // Only hashes are kept, and the codes held for showing were sealed.
    const stored = await queryRows<{ code_hash: string }>(deps.db, sql`select code_hash from staff_recovery_codes where staff_id = ${id}`);
    expect(stored.map((r) => r.code_hash).some((h) => codes.some((c) => h.includes(c.replace(/-/g, ''))))).toBe(false);

    const lostApp = await signIn(email);
    if (lostApp.outcome !== 'signed_in') throw new Error('not signed in');
    const typed = codes[3]!.toUpperCase().replace(/-/g, ' ');
    const recovered = await access.verifySecondFactor({ sessionId: sessionIdOf(lostApp.token), staffId: id, code: typed });
    expect(recovered).toMatchObject({ outcome: 'accepted', recoveryCodesLeft: 9 });
    if (recovered.outcome !== 'accepted') return;
    expect(await access.recoveryCodesLeft({ staffId: id })).toBe(9);
    expect((await resume(recovered.token))?.stage).toBe('complete');
    // The same code again, even written another way, is refused; a made-up one too.
    const again = await signIn(email);
    if (again.outcome !== 'signed_in') throw new Error('not signed in');
    expect(await access.verifySecondFactor({ sessionId: sessionIdOf(again.token), staffId: id, code: codes[3]! })).toEqual({ outcome: 'wrong' });
    expect(await access.verifySecondFactor({ sessionId: sessionIdOf(again.token), staffId: id, code: 'aaaa-bbbb-cccc' })).toEqual({ outcome: 'wrong' });
    const audit = await queryRows<{ action: string }>(deps.db, sql`select action from audit_log where staff_id = ${id} order by id`);
    expect(audit.map((a) => a.action)).toContain('staff.recovery_code_used');

    // New codes need a password typed in the last 10 minutes; they replace the old set.
    now = new Date(now.getTime() + 11 * 60_000);
    await expect(access.renewRecoveryCodes({ staffId: id, sessionId: sessionIdOf(recovered.token) })).rejects.toMatchObject({ code: 'reauthentication_required' });
    const fresh = await signIn(email);
    if (fresh.outcome !== 'signed_in') throw new Error('not signed in');
    const viaCode = await access.verifySecondFactor({ sessionId: sessionIdOf(fresh.token), staffId: id, code: codes[5]! });
    if (viaCode.outcome !== 'accepted') throw new Error('not accepted');
    await access.renewRecoveryCodes({ staffId: id, sessionId: sessionIdOf(viaCode.token) });
    const renewed = await access.ownRecoveryCodes({ staffId: id, sessionId: sessionIdOf(viaCode.token) });
    expect(renewed.left).toBe(10);
    expect(renewed.toShow!.filter((c) => codes.includes(c))).toEqual([]);
    const later = await signIn(email);
    if (later.outcome !== 'signed_in') throw new Error('not signed in');
    expect(await access.verifySecondFactor({ sessionId: sessionIdOf(later.token), staffId: id, code: codes[0]! })).toEqual({ outcome: 'wrong' });

    // Someone with no second factor has no recovery codes to renew.
    const plain = await person('csq_manager');
    const plainToken = await signedIn(plain.email);
    await expect(access.renewRecoveryCodes({ staffId: plain.id, sessionId: sessionIdOf(plainToken) })).rejects.toMatchObject({ code: 'no_second_factor' });
  });

  it('counts recovery codes typed wrong with the account’s other failures', async () => {
    const { email, id } = await person('csq_manager');
    const on = await withSecondFactor(email, id);
    const codes = (await access.ownRecoveryCodes({ staffId: id, sessionId: sessionIdOf(on.token) })).toShow!;
    const next = await signIn(email);
    if (next.outcome !== 'signed_in') throw new Error('not signed in');
    const results = [];
    for (let i = 0; i < 5; i += 1) results.push((await access.verifySecondFactor({ sessionId: sessionIdOf(next.token), staffId: id, code: `aaaa-bbbb-ccc${'234567'[i]}` })).outcome);
    expect(results).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wrong']);
    // Even a real code now waits for the window to pass.
    expect(await access.verifySecondFactor({ sessionId: sessionIdOf(next.token), staffId: id, code: codes[0]! })).toEqual({ outcome: 'throttled' });
    now = new Date(now.getTime() + 16 * 60_000);
    expect(await access.verifySecondFactor({ sessionId: sessionIdOf(next.token), staffId: id, code: codes[0]! })).toMatchObject({ outcome: 'accepted', recoveryCodesLeft: 9 });
  });

  it('accepts a code only once even when two requests race with it', async () => {
    const { email, id } = await person('system_administrator');
    const key = Uint8Array.from({ length: 20 }, (_, i) => i + 1);
    await deps.db
      .update(schema.staff)
      .set({ totpKey: deps.secondFactorSealer.seal(key, deps.randomBytes), totpEnabledAt: now, totpLastStep: totpStepAt(now) - 5 })
      .where(eq(schema.staff.id, id));
    const a = await signIn(email);
    const b = await signIn(email);
    if (a.outcome !== 'signed_in' || b.outcome !== 'signed_in') throw new Error('not signed in');
    const code = totpCodeAt(key, now);
    const results = await Promise.all([
      access.verifySecondFactor({ sessionId: sessionIdOf(a.token), staffId: id, code }),
      access.verifySecondFactor({ sessionId: sessionIdOf(b.token), staffId: id, code }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['accepted', 'wrong']);
  });

  it('slows one address trying one account with waits that grow, right password or not, while the holder signs in from elsewhere; a success clears them', async () => {
    const { email } = await person();
    const seconds = (n: number) => { now = new Date(now.getTime() + n * 1000); };
    for (let i = 0; i < 5; i += 1) expect(await signIn(email, 'wrong password!')).toEqual({ outcome: 'refused', reason: 'invalid' });
    expect(await signIn(email)).toEqual({ outcome: 'refused', reason: 'throttled' });
    // The holder, at another address, is not kept out.
    expect((await signIn(email, PASSWORD, '192.0.2.50')).outcome).toBe('signed_in');
    // 30 seconds on, one more try; after it the wait is a minute.
    seconds(31);
    expect(await signIn(email, 'wrong password!')).toEqual({ outcome: 'refused', reason: 'invalid' });
    seconds(31);
    expect(await signIn(email)).toEqual({ outcome: 'refused', reason: 'throttled' });
    seconds(30);
    expect((await signIn(email)).outcome).toBe('signed_in');
    // A success clears the count.
    for (let i = 0; i < 5; i += 1) await signIn(email, 'wrong password!');
    seconds(30);
    expect((await signIn(email)).outcome).toBe('signed_in');
  });

  it('counts tries sent at once one after another, so none slips past a wait', async () => {
    const { email } = await person();
    const results = await Promise.all(Array.from({ length: 8 }, () => signIn(email, 'wrong password!', '192.0.2.77')));
    expect(results.filter((r) => r.outcome === 'refused' && r.reason === 'invalid')).toHaveLength(5);
    expect(results.filter((r) => r.outcome === 'refused' && r.reason === 'throttled')).toHaveLength(3);
  });

  it('slows every address once an account has been tried 20 times from anywhere', async () => {
    const { email } = await person();
    for (let i = 0; i < 20; i += 1) expect(await signIn(email, 'wrong password!', `198.18.1.${i}`)).toEqual({ outcome: 'refused', reason: 'invalid' });
    expect(await signIn(email, PASSWORD, '198.18.2.1')).toEqual({ outcome: 'refused', reason: 'throttled' });
    now = new Date(now.getTime() + 31_000);
    expect((await signIn(email, PASSWORD, '198.18.2.1')).outcome).toBe('signed_in');
  });

  it('answers an unknown address exactly as a wrong password', async () => {
    expect(await signIn('nobody.here@example.org', 'whatever it is')).toEqual({ outcome: 'refused', reason: 'invalid' });
  });

  it('refuses an address after 30 failures in 15 minutes, across any accounts, while other addresses carry on', async () => {
    const { email } = await person();
    for (let i = 0; i < 30; i += 1) await signIn(`guess.${i}@example.org`, 'password guess', '198.51.100.7');
    expect(await signIn(email, PASSWORD, '198.51.100.7')).toEqual({ outcome: 'refused', reason: 'throttled' });
    expect((await signIn(email, PASSWORD, '198.51.100.8')).outcome).toBe('signed_in');
  });

  it('refuses demo accounts when they are not allowed, and ends their sessions', async () => {
    const { email } = await person('csq_administrator', { demo: true });
    const token = await signedIn(email);
    expect(await access.signIn({ email, password: PASSWORD, clientIp: '192.0.2.9', allowDemoAccounts: false })).toEqual({ outcome: 'refused', reason: 'invalid' });
    expect(await access.resumeSession({ token, allowDemoAccounts: false })).toBeNull();
    expect(await resume(token)).toBeNull();
  });

  it('ends the sessions of a deactivated account', async () => {
    const { email, id } = await person();
    const token = await signedIn(email);
    await deps.db.update(schema.staff).set({ active: false }).where(eq(schema.staff.id, id));
    expect(await resume(token)).toBeNull();
    expect(await listStaffSessionIds(deps.db, id)).toEqual([]);
  });

  it('counts a re-authentication as recent for 10 minutes', async () => {
    const { email, id } = await person();
    const token = await signedIn(email);
    now = new Date(now.getTime() + minutes(11));
    expect((await resume(token))?.recentlyAuthenticated).toBe(false);
    expect(await access.reauthenticate({ sessionId: sessionIdOf(token), staffId: id, password: 'not it at all' })).toBe('wrong');
    expect(await access.reauthenticate({ sessionId: sessionIdOf(token), staffId: id, password: PASSWORD })).toBe('confirmed');
    expect((await resume(token))?.recentlyAuthenticated).toBe(true);
    now = new Date(now.getTime() + minutes(10));
    expect((await resume(token))?.recentlyAuthenticated).toBe(false);
  });

  it('records sign-in, failure and sign-out in the audit log, with no email address or password', async () => {
    const { email, id } = await person();
    await signIn(email, 'wrong password!');
    const token = await signedIn(email);
    await access.signOut({ sessionId: sessionIdOf(token), staffId: id });
    const rows = await queryRows<{ action: string; subject: string | null }>(deps.db, sql`select action, subject from audit_log where staff_id = ${id} order by id`);
    expect(rows.map((r) => r.action)).toEqual(['staff.sign_in_failed', 'staff.signed_in', 'staff.signed_out']);
    const all = await queryRows<{ text: string }>(deps.db, sql`select string_agg(coalesce(subject, '') || action, ' ') as text from audit_log`);
    expect(all[0]!.text).not.toContain(email);
    expect(all[0]!.text).not.toContain(PASSWORD);
  });
});
