import { createCipheriv, createDecipheriv } from 'node:crypto';

/**
 * Secrets that must be read back (a second factor's key: the code is computed from it) are kept
 * sealed with a key that lives outside the database, so a copy of the database alone does not
 * give anyone the codes of every member of staff. AES-256-GCM from node:crypto (a well-kept
 * implementation; only the envelope is ours): a marker, a fresh 12-byte nonce, the 16-byte
 * authentication tag, then the ciphertext. The marker tells a sealed value from one written
 * before sealing began, which `isSealed` lets a start-up step find and seal.
 */
const MARKER = Buffer.from('SK1', 'latin1');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export type SecretSealer = {
  seal(secret: Uint8Array, randomBytes: (n: number) => Uint8Array): Uint8Array;
  /** The secret, or null when the value was not sealed with this key or has been altered. */
  open(sealed: Uint8Array): Uint8Array | null;
};

export function isSealed(value: Uint8Array): boolean {
  return value.length > MARKER.length + NONCE_BYTES + TAG_BYTES && Buffer.from(value.subarray(0, MARKER.length)).equals(MARKER);
}

export function secretSealer(key: Uint8Array): SecretSealer {
  if (key.length !== 32) throw new Error('A sealing key is 32 bytes.');
  const k = Buffer.from(key);
  return {
    seal(secret, randomBytes) {
      const nonce = Buffer.from(randomBytes(NONCE_BYTES));
      const cipher = createCipheriv('aes-256-gcm', k, nonce);
      const body = Buffer.concat([cipher.update(secret), cipher.final()]);
      return new Uint8Array(Buffer.concat([MARKER, nonce, cipher.getAuthTag(), body]));
    },
    open(sealed) {
      if (!isSealed(sealed)) return null;
      const at = MARKER.length;
      const nonce = sealed.subarray(at, at + NONCE_BYTES);
      const tag = sealed.subarray(at + NONCE_BYTES, at + NONCE_BYTES + TAG_BYTES);
      const body = sealed.subarray(at + NONCE_BYTES + TAG_BYTES);
      try {
        const decipher = createDecipheriv('aes-256-gcm', k, nonce);
        decipher.setAuthTag(tag);
        return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
      } catch {
        return null;
      }
    },
  };
}
