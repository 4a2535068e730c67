import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * Staff sessions as Lucia's guide now teaches them: the browser holds a random token, the database
 * holds only its SHA-256, so a copy of the database cannot be used to sign in. The rules about
 * time are here as pure functions; the storage is in db/src/repositories/staff-sessions.ts.
 */

/** 20 random bytes (160 bits), as the guide recommends at the least. */
export const SESSION_TOKEN_BYTES = 20;
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Role changes and exports need a password typed within this long. */
export const REAUTHENTICATION_WINDOW_MS = 10 * 60 * 1000;
/**
 * The last-active time is written at most once a minute: writing it on every request would make
 * each page view a database write, and a minute is nothing against a 30-minute idle timeout.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export function generateSessionToken(randomBytes: (length: number) => Uint8Array): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(SESSION_TOKEN_BYTES));
}

/** Whether a cookie value could be one of our tokens at all (cheap, before any database work). */
export function isWellFormedSessionToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** The id stored in the database: the token's SHA-256, in hex. */
export function sessionIdOf(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export type SessionTimes = { createdAt: Date; lastActiveAt: Date };

/** When a session ends if nothing more happens: 30 minutes idle, and never past 12 hours from sign-in. */
export function sessionExpiresAt(session: SessionTimes): Date {
  return new Date(
    Math.min(session.createdAt.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS, session.lastActiveAt.getTime() + SESSION_IDLE_TIMEOUT_MS),
  );
}

export type SessionCheck =
  | { status: 'active'; touch: false }
  | { status: 'active'; touch: true; lastActiveAt: Date; expiresAt: Date }
  | { status: 'expired'; reason: 'idle' | 'absolute' };

/**
 * What to do with a session presented at `now`: end it (idle for 30 minutes, or 12 hours since
 * sign-in, whichever comes first), or keep it and, when the last write is over a minute old,
 * record the activity.
 */
export function checkSession(session: SessionTimes, now: Date): SessionCheck {
  const at = now.getTime();
  if (at >= session.createdAt.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS) return { status: 'expired', reason: 'absolute' };
  if (at >= session.lastActiveAt.getTime() + SESSION_IDLE_TIMEOUT_MS) return { status: 'expired', reason: 'idle' };
  if (at - session.lastActiveAt.getTime() < SESSION_TOUCH_INTERVAL_MS) return { status: 'active', touch: false };
  const lastActiveAt = new Date(at);
  return { status: 'active', touch: true, lastActiveAt, expiresAt: sessionExpiresAt({ createdAt: session.createdAt, lastActiveAt }) };
}

/** The times of a session started at `now`. */
export function newSessionTimes(now: Date): SessionTimes & { expiresAt: Date } {
  const times = { createdAt: new Date(now.getTime()), lastActiveAt: new Date(now.getTime()) };
  return { ...times, expiresAt: sessionExpiresAt(times) };
}

/**
 * Whether the person typed their password recently enough for a sensitive action: at sign-in or
 * at /reauthenticate, within the last 10 minutes.
 */
export function isRecentlyAuthenticated(session: { createdAt: Date; reauthenticatedAt: Date | null }, now: Date): boolean {
  const last = Math.max(session.createdAt.getTime(), session.reauthenticatedAt?.getTime() ?? 0);
  return now.getTime() - last < REAUTHENTICATION_WINDOW_MS && now.getTime() >= last;
}

/** Where a signed-in person stands: what they still owe before they may use the back office. */
export type SignInStage = 'second_factor' | 'new_password' | 'second_factor_setup' | 'complete';

/**
 * A person who has a second factor types a code at every sign-in; then one given a temporary
 * password chooses their own; then anyone without a second factor (a new account, or one whose
 * second factor was reset) sets one up. Only then is the session complete.
 */
export function signInStage(facts: {
  secondFactorEnabled: boolean;
  secondFactorVerified: boolean;
  mustChangePassword: boolean;
}): SignInStage {
  if (facts.secondFactorEnabled && !facts.secondFactorVerified) return 'second_factor';
  if (facts.mustChangePassword) return 'new_password';
  // Every member of staff sees safeguarding details, so everyone signs in with a second factor.
  if (!facts.secondFactorEnabled) return 'second_factor_setup';
  return 'complete';
}
