import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/**
 * Throttling of sign-in (OWASP ASVS 2.2.1), counted in the shared rate_limits table so every
 * instance sees the same counts.
 *
 * A password tried by someone who is not yet signed in is slowed with growing delays rather than a
 * hard lock a stranger could set off to keep someone out:
 * - one address trying one account (`pair`): 5 tries free, then a wait after each that doubles,
 *   from 30 seconds up to 15 minutes;
 * - one account from anywhere (`password`): 20 tries free, then the same growing waits, so guesses
 *   spread over many addresses are slowed too, while a stranger at one address, held back by the
 *   first rule, needs hours to reach it;
 * - one address across any accounts (`address`): 30 failures in 15 minutes, which stops one machine
 *   trying one password across many accounts.
 * A success clears the first two. Tries are forgotten an hour after the last one.
 *
 * Codes and passwords typed by someone who has already given the right password (a second-factor
 * code, a recovery code, re-authentication, a new password) are limited per account (`account`):
 * 5 failures in 15 minutes, then none until the window has passed; a success clears it. Only
 * someone who knows the password can set that off.
 */
export const SIGN_IN_THROTTLE = {
  pair: { free: 5, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 60 * 60 },
  password: { free: 20, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 60 * 60 },
  address: { limit: 30, windowSeconds: 15 * 60 },
  account: { limit: 5, windowSeconds: 15 * 60 },
} as const;

export type GrowingDelay = { free: number; firstDelaySeconds: number; maxDelaySeconds: number; forgetAfterSeconds: number };

/** What a bucket of growing delays remembers: tries since it was last cleared or forgotten, and when the last was. */
export type TriesSoFar = { tries: number; lastAt: Date };

/**
 * How many seconds must pass before another try is allowed: none while tries are free; after
 * that, a wait from the last try that doubles with each one, up to the most. Tries are forgotten
 * once `forgetAfterSeconds` have passed since the last.
 */
export function secondsBeforeNextTry(sofar: TriesSoFar | null, now: Date, rule: GrowingDelay): number {
  if (!sofar) return 0;
  const since = (now.getTime() - sofar.lastAt.getTime()) / 1000;
  if (since >= rule.forgetAfterSeconds || sofar.tries < rule.free) return 0;
  const delay = Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** (sofar.tries - rule.free));
  return Math.max(0, Math.ceil(delay - since));
}

/** The tries remembered after one more at `now`: forgotten ones start again from one. */
export function afterOneMoreTry(sofar: TriesSoFar | null, now: Date, rule: GrowingDelay): TriesSoFar {
  const forgotten = !sofar || (now.getTime() - sofar.lastAt.getTime()) / 1000 >= rule.forgetAfterSeconds;
  return { tries: forgotten ? 1 : sofar.tries + 1, lastAt: now };
}

const hashOf = (value: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(value)));
/** An email address as accounts are found by it: trimmed, in lower case. */
const accountKey = (email: string) => email.trim().toLowerCase();

/** The account's buckets are named by a hash of the address typed, so the table holds no email addresses. */
export function accountThrottleBucket(email: string): string {
  return `sign-in:account:${hashOf(accountKey(email))}`;
}

/** Passwords tried on one account from anywhere. */
export function passwordThrottleBucket(email: string): string {
  return `sign-in:password:${hashOf(accountKey(email))}`;
}

/** Passwords tried on one account from one address (hashed together: the table holds neither). */
export function pairThrottleBucket(email: string, clientIp: string): string {
  return `sign-in:pair:${hashOf(`${accountKey(email)}\n${clientIp}`)}`;
}

export function addressThrottleBucket(clientIp: string): string {
  return `sign-in:address:${clientIp}`;
}
