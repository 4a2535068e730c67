import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * Recovery codes: what a member of staff types at sign-in instead of a code from their
 * authenticator app when they have lost it. Ten at a time, each used once. A code is 60 random
 * bits, written as three groups of four letters and digits (`k7qm-2xha-9fd3`); only its SHA-256 is
 * stored. A fast hash is enough for a secret this random (a slow password hash is for secrets
 * people choose), and it lets the code be found by its hash.
 */
export const RECOVERY_CODE_COUNT = 10;
const CODE_BYTES = 8;
const CODE_LENGTH = 12;

/** A new set of recovery codes, as shown to the person once. */
export function generateRecoveryCodes(randomBytes: (length: number) => Uint8Array, count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const letters = encodeBase32LowerCaseNoPadding(randomBytes(CODE_BYTES)).slice(0, CODE_LENGTH);
    return `${letters.slice(0, 4)}-${letters.slice(4, 8)}-${letters.slice(8, 12)}`;
  });
}

/**
 * What was typed, as a code to look up, or null if it cannot be one: spaces and dashes are
 * ignored and capitals are the same as small letters, as people copy codes from paper.
 */
export function normaliseRecoveryCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toLowerCase();
  return /^[a-z2-7]{12}$/.test(code) ? code : null;
}

/** The stored form of a code, from a code as generated or as normalised. */
export function recoveryCodeHash(code: string): string {
  const normalised = normaliseRecoveryCode(code);
  if (!normalised) throw new Error('Not a recovery code.');
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normalised)));
}
