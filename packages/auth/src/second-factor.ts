import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32UpperCaseNoPadding, decodeBase32IgnorePadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import QRCode from 'qrcode';

/**
 * TOTP (RFC 6238) second factor: 6 digits, 30-second steps, codes accepted one step either side
 * for clock drift. The time step of each accepted code is stored so that no code, and no earlier
 * code, is accepted again. Codes are computed with HOTP at a step worked out from the time given,
 * rather than @oslojs/otp's TOTP helpers, because those read the system clock and we pass time in.
 */

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_KEY_BYTES = 20;
/** How many steps either side of now a code may come from. */
export const TOTP_WINDOW_STEPS = 1;

export function generateTotpKey(randomBytes: (length: number) => Uint8Array): Uint8Array {
  return randomBytes(TOTP_KEY_BYTES);
}

export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for the step that contains `now`. */
export function totpCodeAt(key: Uint8Array, now: Date): string {
  return generateHOTP(key, BigInt(totpStepAt(now)), TOTP_DIGITS);
}

/** What people type: spaces and dashes are allowed between digits (some apps show "123 456"). */
export function normaliseTotpCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

export type TotpMatch = { ok: true; step: number } | { ok: false; reason: 'malformed' | 'wrong' | 'reused' };

/**
 * Checks a typed code against the key at `now`. A code from a step at or before the last one
 * accepted is refused as reused, so a code seen over someone's shoulder cannot be replayed. The
 * caller must then claim the returned step atomically (see claimTotpStep), because two requests
 * with the same code could both get here.
 */
export function matchTotpCode(key: Uint8Array, typed: string, now: Date, lastUsedStep: number | null): TotpMatch {
  const code = normaliseTotpCode(typed);
  if (!code) return { ok: false, reason: 'malformed' };
  const current = totpStepAt(now);
  const given = new TextEncoder().encode(code);
  let matched: number | null = null;
  for (let offset = -TOTP_WINDOW_STEPS; offset <= TOTP_WINDOW_STEPS; offset += 1) {
    const expected = new TextEncoder().encode(generateHOTP(key, BigInt(current + offset), TOTP_DIGITS));
    // Every step is compared, so the time taken does not say which step matched.
    if (constantTimeEqual(expected, given) && matched === null) matched = current + offset;
  }
  if (matched === null) return { ok: false, reason: 'wrong' };
  if (lastUsedStep !== null && matched <= lastUsedStep) return { ok: false, reason: 'reused' };
  return { ok: true, step: matched };
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpKeyUri(issuer: string, accountName: string, key: Uint8Array): string {
  return createTOTPKeyURI(issuer, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The secret as people type it into an app: base32 in groups of four. */
export function formatTotpSecret(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key).match(/.{1,4}/g)!.join(' ');
}

/** The secret as carried between the set-up page and its form (base32, no spaces). */
export function encodeTotpKey(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key);
}

export function decodeTotpKey(encoded: string): Uint8Array | null {
  const cleaned = encoded.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z2-7]+$/.test(cleaned)) return null;
  try {
    const key = decodeBase32IgnorePadding(cleaned);
    return key.length === TOTP_KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

/**
 * The QR code as an SVG document, to be placed inline in the page: the Content Security Policy
 * then needs no data: images.
 */
export function totpQrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
