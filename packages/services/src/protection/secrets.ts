import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Secrets the public site hands to browsers, and the hashes kept in their place: a form draft's
 * token, a tracking challenge's and session's, an emailed code. Shared so each is made one way.
 */

/** A random token for a cookie (256 bits, URL-safe); only its hash is stored. */
export function newToken(randomBytes: (n: number) => Uint8Array): string {
  return Buffer.from(randomBytes(32)).toString('base64url');
}

export function hashOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two hashes in time that does not depend on where they differ. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The bucket a client address is counted in: its hash, so the table of counters holds no addresses. */
export function addressBucket(kind: string, clientIp: string): string {
  return `${kind}:${hashOf(clientIp).slice(0, 32)}`;
}
