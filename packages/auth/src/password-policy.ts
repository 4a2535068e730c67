import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * What a new password must be (OWASP ASVS 2.1): at least 12 characters and at most 128, any
 * characters at all (spaces, emoji and pasted passphrases included), and not one of the passwords
 * that appear most often in breaches.
 *
 * The list is the "passwords-common" dictionary of @zxcvbn-ts/language-common (MIT licence): about
 * 49,000 of the passwords seen most often in public breach corpora, shipped inside the package, so
 * nothing is fetched at run time. Most are shorter than 12 characters, so a password is also
 * refused when it is a listed password with digits or symbols added before or after it
 * ("sunshine2024!"), the most common way people lengthen a weak password.
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'missing' | 'too_short' | 'too_long' | 'common' | 'contains_email';

let common: ReadonlySet<string> | null = null;
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => String(p).toLowerCase()));
  return common;
}

/** Counted in characters as people see them, not UTF-16 units. */
function length(password: string): number {
  return [...password].length;
}

/** Whether a password is on the list, or is a listed one (4 letters or more) padded with digits and symbols. */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+/u, '').replace(/[\d\W_]+$/u, '');
  if (core.length >= 4 && core !== lower && list.has(core)) return true;
  // A short listed password said twice or more ("letmeinletmein") is no stronger than once.
  for (let size = 4; size <= lower.length / 2; size += 1) {
    if (lower.length % size === 0 && lower === lower.slice(0, size).repeat(lower.length / size) && list.has(lower.slice(0, size))) return true;
  }
  return false;
}

/** The first thing wrong with a new password, or null when it may be used. */
export function checkNewPassword(password: string, context: { email?: string } = {}): PasswordProblem | null {
  if (password.length === 0) return 'missing';
  const size = length(password);
  if (size < PASSWORD_MIN_LENGTH) return 'too_short';
  if (size > PASSWORD_MAX_LENGTH) return 'too_long';
  if (isCommonPassword(password)) return 'common';
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && password.toLowerCase().includes(localPart)) return 'contains_email';
  return null;
}

/**
 * A temporary password an administrator reads out or sends to someone who must then choose their
 * own: 24 random letters and digits (about 118 bits) in groups of four, easy to read and type.
 */
export function generateTemporaryPassword(randomBytes: (length: number) => Uint8Array): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(24);
  // Letters and digits that cannot be mistaken for one another; each byte taken modulo 31 is close enough to uniform for a password that is changed at first use.
  const symbols = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return symbols.match(/.{4}/g)!.join('-');
}
