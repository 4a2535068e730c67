/**
 * Complaint reference numbers: `CMP-XXXX-XXXX`, seven random Crockford base32 characters and one
 * check character. People read these aloud on the phone and copy them from letters, so the
 * alphabet drops the letters that look like digits and the check character catches the typing
 * mistakes people actually make.
 */

export const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const REFERENCE_PREFIX = 'CMP';

/** The canonical form only; use `parseReference` for anything a person typed. */
export const REFERENCE_PATTERN = /^CMP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

const DATA_LENGTH = 7;
const BODY_LENGTH = DATA_LENGTH + 1;
// 7 characters × 5 bits = 35 bits, so 5 bytes (40 bits) are always enough.
const RANDOM_BYTES_NEEDED = 5;

export type ReferenceParseFailure = 'empty' | 'length' | 'character' | 'check';

export type ReferenceParseResult =
  | { ok: true; reference: string }
  | { ok: false; reason: ReferenceParseFailure };

// Crockford's decoding aliases: letters people write when they mean the look-alike digit.
const ALIASES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

const VALUE_OF: ReadonlyMap<string, number> = new Map(
  [...REFERENCE_ALPHABET].map((character, value) => [character, value]),
);

// Hyphens and the dashes word processors substitute for them, plus any whitespace.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;

/*
 * Check character: the Damm algorithm over the quasigroup x∘y = 2·x ⊕ y on GF(32), built with the
 * primitive polynomial x^5 + x^2 + 1 (so "2" is the element x).
 *
 * Why it catches every single substitution: for fixed x, y ↦ 2x ⊕ y is a bijection, and for fixed y,
 * x ↦ 2x ⊕ y is a bijection (multiplying by a non-zero field element is invertible). So each row and
 * column of the table is a permutation (a quasigroup): changing any one character changes every
 * interim value after it, and the final value can no longer be 0.
 *
 * Why it catches every adjacent swap of different characters, including the last data character
 * with the check character: (c∘x)∘y = 4c ⊕ 2x ⊕ y and (c∘y)∘x = 4c ⊕ 2y ⊕ x. These are equal only
 * when 3·(x ⊕ y) = 0, and 3 = 2 ⊕ 1 is non-zero because 2 ≠ 1 in a field of characteristic 2, so
 * x = y. The interim after the swapped pair therefore differs, and the quasigroup property carries
 * that difference through to the end.
 */
function timesTwo(value: number): number {
  // 0x25 is x^5 + x^2 + 1: it clears the overflow bit and folds x^5 back in as x^2 + 1.
  return value & 0x10 ? (value << 1) ^ 0x25 : value << 1;
}

function combine(interim: number, value: number): number {
  return timesTwo(interim) ^ value;
}

function interimOf(values: readonly number[]): number {
  let interim = 0;
  for (const value of values) interim = combine(interim, value);
  return interim;
}

function valuesOf(body: string): number[] | undefined {
  const values: number[] = [];
  for (const character of body) {
    const value = VALUE_OF.get(character);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

function characterOf(value: number): string {
  const character = REFERENCE_ALPHABET[value];
  if (character === undefined) throw new RangeError(`No reference character for value ${value}`);
  return character;
}

function format(body: string): string {
  return `${REFERENCE_PREFIX}-${body.slice(0, 4)}-${body.slice(4)}`;
}

/**
 * The check character for seven data characters in canonical form (upper case, no aliases).
 * The check value k is the one with interim∘k = 0, which is 2·interim.
 */
export function referenceCheckCharacter(data: string): string {
  if (data.length !== DATA_LENGTH) {
    throw new RangeError(`A reference has ${DATA_LENGTH} data characters, got ${data.length}`);
  }
  const values = valuesOf(data);
  if (values === undefined) throw new RangeError(`Not reference characters: ${data}`);
  return characterOf(timesTwo(interimOf(values)));
}

/**
 * A new random reference. `randomBytes` is the caller's source of secure randomness, such as
 * node's `crypto.randomBytes`, so references cannot be guessed from one another.
 */
export function generateReference(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(RANDOM_BYTES_NEEDED);
  if (bytes.length < RANDOM_BYTES_NEEDED) {
    throw new RangeError(`Expected ${RANDOM_BYTES_NEEDED} random bytes, got ${bytes.length}`);
  }
  // Reading the bytes as a bit stream, 5 bits per character, maps uniform bytes to uniform
  // characters with nothing rejected or skewed: 32 is a power of two.
  let data = '';
  let buffer = 0;
  let bufferedBits = 0;
  for (let i = 0; data.length < DATA_LENGTH; i += 1) {
    buffer = (buffer << 8) | (bytes[i] ?? 0);
    bufferedBits += 8;
    while (bufferedBits >= 5 && data.length < DATA_LENGTH) {
      bufferedBits -= 5;
      data += characterOf((buffer >> bufferedBits) & 0x1f);
      buffer &= (1 << bufferedBits) - 1;
    }
  }
  return format(data + referenceCheckCharacter(data));
}

/**
 * Reads a reference the way a person might type it: any case, with or without spaces and
 * hyphens, with or without the `CMP` prefix, and with O for 0 or I/L for 1.
 */
export function parseReference(input: string): ReferenceParseResult {
  let body = input.replace(SEPARATORS, '').toUpperCase();
  if (body.length === 0) return { ok: false, reason: 'empty' };

  // An 8-character body may itself start with "CMP", so only strip the prefix when the length
  // says it cannot be part of the body.
  if (body.length !== BODY_LENGTH && body.startsWith(REFERENCE_PREFIX)) {
    body = body.slice(REFERENCE_PREFIX.length);
  }
  body = body.replace(/[OIL]/g, (alias) => ALIASES[alias] ?? alias);

  const values = valuesOf(body);
  if (values === undefined) return { ok: false, reason: 'character' };
  if (values.length !== BODY_LENGTH) return { ok: false, reason: 'length' };
  if (interimOf(values) !== 0) return { ok: false, reason: 'check' };
  return { ok: true, reference: format(body) };
}

/** The canonical form of a typed reference, or undefined when it is not a valid reference. */
export function normaliseReference(input: string): string | undefined {
  const parsed = parseReference(input);
  return parsed.ok ? parsed.reference : undefined;
}

/**
 * True only for a reference already in canonical form with a correct check character, as it is
 * stored and printed. Typed input should go through `parseReference` first.
 */
export function isValidReference(value: string): boolean {
  if (!REFERENCE_PATTERN.test(value)) return false;
  const values = valuesOf(value.slice(4, 8) + value.slice(9));
  return values !== undefined && interimOf(values) === 0;
}
