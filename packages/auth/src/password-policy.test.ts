import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNewPassword, generateTemporaryPassword, isCommonPassword, PASSWORD_MAX_LENGTH } from './password-policy';

describe('new passwords', () => {
  it('must be at least 12 characters, counted as people see them', () => {
    expect(checkNewPassword('')).toBe('missing');
    expect(checkNewPassword('short words')).toBe('too_short');
    expect(checkNewPassword('river kettle')).toBeNull();
    // Eleven emoji are 22 UTF-16 units but still only eleven characters.
    expect(checkNewPassword('🦊'.repeat(11))).toBe('too_short');
    expect(checkNewPassword('🦊'.repeat(12))).toBeNull();
  });

  it('may be up to 128 characters, spaces and all', () => {
    expect(checkNewPassword('a quiet river '.repeat(9).slice(0, PASSWORD_MAX_LENGTH))).toBeNull();
    expect(checkNewPassword('x'.repeat(PASSWORD_MAX_LENGTH + 1))).toBe('too_long');
  });

  it('are refused when they are common breached passwords, in any case', () => {
    expect(checkNewPassword('qwerty123456')).toBe('common');
    expect(checkNewPassword('QWERTY123456')).toBe('common');
    expect(checkNewPassword('1qaz2wsx3edc')).toBe('common');
    expect(checkNewPassword('administrator')).toBe('common');
  });

  it('are refused when a common password is only padded with digits or symbols, or repeated', () => {
    expect(isCommonPassword('sunshine2024!')).toBe(true);
    expect(isCommonPassword('!!football1234')).toBe(true);
    expect(isCommonPassword('Password123456')).toBe(true);
    expect(isCommonPassword('letmeinletmein')).toBe(true);
    expect(isCommonPassword('blue kettle on the hob')).toBe(false);
    expect(checkNewPassword('demo-complaints-2026')).toBeNull();
  });

  it('may not contain the name part of the person’s email address', () => {
    expect(checkNewPassword('aisha.khan-rules-ok', { email: 'aisha.khan@example.org' })).toBe('contains_email');
    expect(checkNewPassword('a long quiet river', { email: 'aisha.khan@example.org' })).toBeNull();
  });

  it('are judged without ever throwing, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (password) => {
        const problem = checkNewPassword(password, { email: 'someone@example.org' });
        expect([null, 'missing', 'too_short', 'too_long', 'common', 'contains_email']).toContain(problem);
      }),
    );
  });
});

describe('temporary passwords', () => {
  it('are long enough and not common, in groups of four', () => {
    let seed = 1;
    const random = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) & 0xff));
    const password = generateTemporaryPassword(random);
    expect(password).toMatch(/^([a-z2-9]{4}-){5}[a-z2-9]{4}$/);
    expect(checkNewPassword(password)).toBeNull();
  });
});
