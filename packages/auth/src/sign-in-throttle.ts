import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/**
 * Throttling of failed sign-ins (OWASP ASVS 2.2.1), counted in the shared rate_limits table so
 * every instance sees the same counts. Per account: 5 failures (wrong password, wrong code) in 15
 * minutes, then no more tries until the window has passed, whatever is typed; a success clears it.
 * Per address: 30 failures in 15 minutes, which stops one machine trying one password across many
 * accounts without locking out an office whose staff share an address.
 */
export const SIGN_IN_THROTTLE = {
  account: { limit: 5, windowSeconds: 15 * 60 },
  address: { limit: 30, windowSeconds: 15 * 60 },
} as const;

/** The account's bucket is named by a hash of the address typed, so the table holds no email addresses. */
export function accountThrottleBucket(email: string): string {
  return `sign-in:account:${encodeHexLowerCase(sha256(new TextEncoder().encode(email.trim().toLowerCase())))}`;
}

export function addressThrottleBucket(clientIp: string): string {
  return `sign-in:address:${clientIp}`;
}
