/**
 * The tracking code printed on a postal acknowledgement, for a complainant with no email address:
 * with their reference it opens their tracking page. Ten Crockford base32 characters (50 random
 * bits) in two groups of five, read easily from paper and typed easily back. Only a hash of it is
 * ever stored.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;
// 10 characters × 5 bits = 50 bits: 7 bytes always suffice.
const BYTES = 7;
const ALIASES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;

export function generateTrackingCode(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(BYTES);
  if (bytes.length < BYTES) throw new RangeError(`Expected ${BYTES} random bytes, got ${bytes.length}`);
  let code = '';
  let buffer = 0;
  let bits = 0;
  // Whole bytes read as a bit stream, five bits a character: uniform, nothing rejected (32 is a power of two).
  for (let i = 0; code.length < LENGTH; i += 1) {
    buffer = ((buffer << 8) | bytes[i]!) & 0xffff;
    bits += 8;
    while (bits >= 5 && code.length < LENGTH) {
      bits -= 5;
      code += ALPHABET[(buffer >> bits) & 0x1f];
    }
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * A typed code in the form its hash was made from: upper case, no spaces or hyphens, O read as 0
 * and I or L as 1. Undefined when it cannot be a tracking code.
 */
export function normaliseTrackingCode(input: string): string | undefined {
  const body = input
    .replace(SEPARATORS, '')
    .toUpperCase()
    .replace(/[OIL]/g, (c) => ALIASES[c] ?? c);
  if (body.length !== LENGTH) return undefined;
  for (const c of body) if (!ALPHABET.includes(c)) return undefined;
  return body;
}
