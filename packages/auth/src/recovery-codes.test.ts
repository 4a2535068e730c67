import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT, recoveryCodeHash } from './recovery-codes';

describe('recovery codes', () => {
  it('are ten different codes of three groups of four', () => {
    const codes = generateRecoveryCodes((n) => randomBytes(n));
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
  });

  it('are read as typed from paper: spaces, dashes and capitals do not matter', () => {
    const [code] = generateRecoveryCodes((n) => randomBytes(n), 1);
    const hash = recoveryCodeHash(code!);
    expect(recoveryCodeHash(` ${code!.toUpperCase().replace(/-/g, ' ')} `)).toBe(hash);
    expect(recoveryCodeHash(code!.replace(/-/g, ''))).toBe(hash);
  });

  it('are not confused with an authenticator code or anything else', () => {
    expect(normaliseRecoveryCode('123456')).toBeNull();
    expect(normaliseRecoveryCode('abcd-efgh-ijk')).toBeNull();
    expect(normaliseRecoveryCode('abcd-efgh-ijk1')).toBeNull();
    expect(() => recoveryCodeHash('nope')).toThrow();
  });

  it('are stored as a hash that does not contain the code', () => {
    const [code] = generateRecoveryCodes((n) => randomBytes(n), 1);
    const hash = recoveryCodeHash(code!);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code!.replace(/-/g, ''));
  });
});
