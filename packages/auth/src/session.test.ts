import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REAUTHENTICATION_WINDOW_MS,
  SESSION_ABSOLUTE_TIMEOUT_MS,
  SESSION_IDLE_TIMEOUT_MS,
  checkSession,
  generateSessionToken,
  isRecentlyAuthenticated,
  isWellFormedSessionToken,
  newSessionTimes,
  sessionExpiresAt,
  sessionIdOf,
  signInStage,
} from './session';

const signIn = new Date('2026-03-02T09:00:00Z');
const later = (ms: number) => new Date(signIn.getTime() + ms);
const minutes = (n: number) => n * 60 * 1000;

describe('session tokens', () => {
  it('are 20 random bytes in base32, and only their SHA-256 is stored', () => {
    const token = generateSessionToken((n) => new Uint8Array(n).fill(7));
    expect(token).toHaveLength(32);
    expect(isWellFormedSessionToken(token)).toBe(true);
    expect(sessionIdOf(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionIdOf(token)).not.toContain(token);
    // SHA-256 of "abc", the standard test vector.
    expect(sessionIdOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('asks for exactly as many random bytes as the guide requires', () => {
    let asked = 0;
    generateSessionToken((n) => {
      asked = n;
      return new Uint8Array(n);
    });
    expect(asked).toBeGreaterThanOrEqual(20);
  });

  it('refuses cookie values that cannot be tokens', () => {
    for (const value of ['', 'x', 'A'.repeat(32), `${'a'.repeat(31)}1`, `${'a'.repeat(32)};`]) expect(isWellFormedSessionToken(value)).toBe(false);
  });
});

describe('session expiry', () => {
  it('ends a session idle for 30 minutes', () => {
    const session = { createdAt: signIn, lastActiveAt: later(minutes(10)) };
    expect(checkSession(session, later(minutes(39))).status).toBe('active');
    expect(checkSession(session, later(minutes(40)))).toEqual({ status: 'expired', reason: 'idle' });
  });

  it('ends a session 12 hours after sign-in however active it was', () => {
    const session = { createdAt: signIn, lastActiveAt: later(SESSION_ABSOLUTE_TIMEOUT_MS - minutes(1)) };
    expect(checkSession(session, later(SESSION_ABSOLUTE_TIMEOUT_MS - 1)).status).toBe('active');
    expect(checkSession(session, later(SESSION_ABSOLUTE_TIMEOUT_MS))).toEqual({ status: 'expired', reason: 'absolute' });
  });

  it('records activity at most once a minute, moving the expiry on', () => {
    const session = { createdAt: signIn, lastActiveAt: signIn };
    expect(checkSession(session, later(30_000))).toEqual({ status: 'active', touch: false });
    const check = checkSession(session, later(minutes(5)));
    expect(check).toEqual({ status: 'active', touch: true, lastActiveAt: later(minutes(5)), expiresAt: later(minutes(35)) });
  });

  it('never lets activity carry a session past 12 hours', () => {
    const check = checkSession({ createdAt: signIn, lastActiveAt: later(minutes(11 * 60 + 40)) }, later(minutes(11 * 60 + 45)));
    expect(check).toMatchObject({ status: 'active', touch: true, expiresAt: later(SESSION_ABSOLUTE_TIMEOUT_MS) });
  });

  it('starts a session with both clocks at sign-in', () => {
    expect(newSessionTimes(signIn)).toEqual({ createdAt: signIn, lastActiveAt: signIn, expiresAt: later(SESSION_IDLE_TIMEOUT_MS) });
  });

  it('is active exactly until the stored expiry (law)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SESSION_ABSOLUTE_TIMEOUT_MS }),
        fc.integer({ min: 0, max: 2 * SESSION_ABSOLUTE_TIMEOUT_MS }),
        (activeAfter, presentedAfter) => {
          const session = { createdAt: signIn, lastActiveAt: later(activeAfter) };
          const now = later(activeAfter + presentedAfter);
          const active = checkSession(session, now).status === 'active';
          expect(active).toBe(now.getTime() < sessionExpiresAt(session).getTime());
        },
      ),
    );
  });
});

describe('re-authentication', () => {
  it('counts the sign-in and any later re-authentication, for 10 minutes', () => {
    expect(isRecentlyAuthenticated({ createdAt: signIn, reauthenticatedAt: null }, later(minutes(9)))).toBe(true);
    expect(isRecentlyAuthenticated({ createdAt: signIn, reauthenticatedAt: null }, later(REAUTHENTICATION_WINDOW_MS))).toBe(false);
    expect(isRecentlyAuthenticated({ createdAt: signIn, reauthenticatedAt: later(minutes(60)) }, later(minutes(65)))).toBe(true);
    expect(isRecentlyAuthenticated({ createdAt: signIn, reauthenticatedAt: later(minutes(60)) }, later(minutes(71)))).toBe(false);
  });
});

describe('sign-in stages', () => {
  const base = { secondFactorEnabled: false, secondFactorVerified: false, mustChangePassword: false };

  it('asks for the code from anyone who has set up a second factor', () => {
    expect(signInStage({ ...base, secondFactorEnabled: true })).toBe('second_factor');
    expect(signInStage({ ...base, secondFactorEnabled: true, secondFactorVerified: true })).toBe('complete');
  });

  it('makes everyone without a second factor set one up before anything else, whatever their role', () => {
    expect(signInStage(base)).toBe('second_factor_setup');
  });

  it('asks for a new password after a temporary one, after the code and before set-up', () => {
    expect(signInStage({ ...base, mustChangePassword: true, secondFactorEnabled: true })).toBe('second_factor');
    expect(signInStage({ ...base, mustChangePassword: true })).toBe('new_password');
  });
});
