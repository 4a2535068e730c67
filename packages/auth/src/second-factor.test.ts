import { generateHOTP } from '@oslojs/otp';
import { describe, expect, it } from 'vitest';
import {
  decodeTotpKey,
  encodeTotpKey,
  formatTotpSecret,
  matchTotpCode,
  normaliseTotpCode,
  totpCodeAt,
  totpKeyUri,
  totpQrCodeSvg,
  totpStepAt,
} from './second-factor';

// RFC 6238 appendix B: the SHA-1 key "12345678901234567890" and its 8-digit codes (we use the last 6).
const rfcKey = new TextEncoder().encode('12345678901234567890');
const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP codes', () => {
  it('match the RFC 6238 test vectors', () => {
    expect(totpCodeAt(rfcKey, at(59))).toBe('287082');
    expect(totpCodeAt(rfcKey, at(1111111109))).toBe('081804');
    expect(totpCodeAt(rfcKey, at(1234567890))).toBe('005924');
    expect(totpCodeAt(rfcKey, at(2000000000))).toBe('279037');
  });

  it('accept the code of this step and one step either side, and no further', () => {
    const now = at(1234567890);
    const step = totpStepAt(now);
    const codeAt = (s: number) => generateHOTP(rfcKey, BigInt(s), 6);
    expect(matchTotpCode(rfcKey, codeAt(step), now, null)).toEqual({ ok: true, step });
    expect(matchTotpCode(rfcKey, codeAt(step - 1), now, null)).toEqual({ ok: true, step: step - 1 });
    expect(matchTotpCode(rfcKey, codeAt(step + 1), now, null)).toEqual({ ok: true, step: step + 1 });
    expect(matchTotpCode(rfcKey, codeAt(step - 2), now, null)).toEqual({ ok: false, reason: 'wrong' });
    expect(matchTotpCode(rfcKey, codeAt(step + 2), now, null)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('never accept a code from a step already used, or an earlier one', () => {
    const now = at(1234567890);
    const step = totpStepAt(now);
    const code = totpCodeAt(rfcKey, now);
    expect(matchTotpCode(rfcKey, code, now, step)).toEqual({ ok: false, reason: 'reused' });
    expect(matchTotpCode(rfcKey, code, now, step + 1)).toEqual({ ok: false, reason: 'reused' });
    expect(matchTotpCode(rfcKey, code, now, step - 1)).toEqual({ ok: true, step });
  });

  it('take codes typed with spaces or a dash, and nothing that is not six digits', () => {
    expect(normaliseTotpCode(' 123 456 ')).toBe('123456');
    expect(normaliseTotpCode('123-456')).toBe('123456');
    for (const typed of ['', '12345', '1234567', '12a456', '１２３４５６']) expect(normaliseTotpCode(typed)).toBeNull();
    expect(matchTotpCode(rfcKey, 'abcdef', at(59), null)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('setting up a second factor', () => {
  const key = Uint8Array.from({ length: 20 }, (_, i) => i * 13);

  it('shows the secret in groups of four that decode back to the key', () => {
    const shown = formatTotpSecret(key);
    expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{4}$/);
    expect(decodeTotpKey(shown)).toEqual(key);
    expect(decodeTotpKey(encodeTotpKey(key).toLowerCase())).toEqual(key);
    expect(decodeTotpKey('not a key!')).toBeNull();
    expect(decodeTotpKey('ABCD')).toBeNull();
  });

  it('gives authenticator apps an otpauth address and an inline SVG QR code', async () => {
    const uri = totpKeyUri('Complaints back office', 'aisha.khan@example.org', key);
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${encodeTotpKey(key)}`);
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
    const svg = await totpQrCodeSvg(uri);
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    expect(svg).not.toContain('<script');
  });
});
