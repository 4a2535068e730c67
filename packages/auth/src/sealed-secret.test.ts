import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealed, secretSealer } from './sealed-secret';

const random = (n: number) => new Uint8Array(randomBytes(n));

describe('secrets sealed with a key kept outside the database', () => {
  const key = random(32);
  const secret = random(20);

  it('open again with the same key, and the sealed value does not contain the secret', () => {
    const sealed = secretSealer(key).seal(secret, random);
    expect(isSealed(sealed)).toBe(true);
    expect(Buffer.from(sealed).includes(Buffer.from(secret))).toBe(false);
    expect(secretSealer(key).open(sealed)).toEqual(secret);
  });

  it('seal the same secret differently each time', () => {
    const sealer = secretSealer(key);
    expect(Buffer.from(sealer.seal(secret, random)).equals(Buffer.from(sealer.seal(secret, random)))).toBe(false);
  });

  it('do not open with another key, nor once altered', () => {
    const sealed = secretSealer(key).seal(secret, random);
    expect(secretSealer(random(32)).open(sealed)).toBeNull();
    const altered = new Uint8Array(sealed);
    altered[altered.length - 1]! ^= 1;
    expect(secretSealer(key).open(altered)).toBeNull();
  });

  it('tell a value written before sealing began from a sealed one', () => {
    expect(isSealed(secret)).toBe(false);
    expect(secretSealer(key).open(secret)).toBeNull();
    expect(() => secretSealer(random(16))).toThrow();
  });
});
