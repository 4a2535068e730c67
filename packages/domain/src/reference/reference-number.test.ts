import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REFERENCE_ALPHABET,
  REFERENCE_PATTERN,
  generateReference,
  isValidReference,
  normaliseReference,
  parseReference,
  referenceCheckCharacter,
} from './reference-number';

const fiveBytes = fc.uint8Array({ minLength: 5, maxLength: 5 });
const reference = fiveBytes.map((bytes) => generateReference(() => bytes));

function bodyOf(canonical: string): string {
  return canonical.slice(4, 8) + canonical.slice(9);
}

function withBody(body: string): string {
  return `CMP-${body.slice(0, 4)}-${body.slice(4)}`;
}

function charAt(text: string, index: number): string {
  const character = text[index];
  if (character === undefined) throw new RangeError(`No character at ${index}`);
  return character;
}

function replaceAt(text: string, index: number, character: string): string {
  return text.slice(0, index) + character + text.slice(index + 1);
}

function swapAt(text: string, index: number): string {
  return text.slice(0, index) + charAt(text, index + 1) + charAt(text, index) + text.slice(index + 2);
}

// A small seeded generator so the distribution test is repeatable.
function seededBytes(seed: number): (n: number) => Uint8Array {
  let state = seed >>> 0 || 1;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      out[i] = state & 0xff;
    }
    return out;
  };
}

const gf32TimesTwo = (x: number): number => (x & 0x10 ? (x << 1) ^ 0x25 : x << 1);
const op = (x: number, y: number): number => gf32TimesTwo(x) ^ y;

describe('the quasigroup behind the check character', () => {
  it('is a Latin square: every row and every column is a permutation of 0..31', () => {
    for (let x = 0; x < 32; x += 1) {
      const row = new Set<number>();
      const column = new Set<number>();
      for (let y = 0; y < 32; y += 1) {
        row.add(op(x, y));
        column.add(op(y, x));
      }
      expect(row.size).toBe(32);
      expect(column.size).toBe(32);
    }
  });

  it('is weakly totally anti-symmetric: (c∘x)∘y = (c∘y)∘x only when x = y', () => {
    for (let c = 0; c < 32; c += 1) {
      for (let x = 0; x < 32; x += 1) {
        for (let y = 0; y < 32; y += 1) {
          if (x !== y) expect(op(op(c, x), y)).not.toBe(op(op(c, y), x));
        }
      }
    }
  });

  it('uses a primitive polynomial: 2 generates all 31 non-zero elements of GF(32)', () => {
    const seen = new Set<number>();
    let power = 1;
    for (let i = 0; i < 31; i += 1) {
      seen.add(power);
      power = gf32TimesTwo(power);
    }
    expect(seen.size).toBe(31);
    expect(power).toBe(1);
  });
});

describe('REFERENCE_ALPHABET', () => {
  it('is Crockford base32: 32 distinct characters without I, L, O or U', () => {
    expect(REFERENCE_ALPHABET).toHaveLength(32);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(32);
    for (const excluded of 'ILOU') expect(REFERENCE_ALPHABET).not.toContain(excluded);
  });

  it('agrees with REFERENCE_PATTERN on which characters are allowed', () => {
    for (let code = 0x20; code < 0x7f; code += 1) {
      const character = String.fromCharCode(code);
      const candidate = `CMP-${character.repeat(4)}-${character.repeat(4)}`;
      expect(REFERENCE_PATTERN.test(candidate)).toBe(REFERENCE_ALPHABET.includes(character));
    }
  });
});

describe('generateReference', () => {
  it('produces the canonical form with a valid check character', () => {
    fc.assert(
      fc.property(reference, (generated) => {
        expect(generated).toMatch(REFERENCE_PATTERN);
        expect(isValidReference(generated)).toBe(true);
      }),
    );
  });

  it('asks for exactly 5 bytes and maps their first 35 bits straight onto the 7 data characters', () => {
    fc.assert(
      fc.property(fiveBytes, (bytes) => {
        const asked: number[] = [];
        const generated = generateReference((n) => {
          asked.push(n);
          return bytes;
        });
        expect(asked).toEqual([5]);
        let fromCharacters = 0n;
        for (const character of bodyOf(generated).slice(0, 7)) {
          fromCharacters = (fromCharacters << 5n) | BigInt(REFERENCE_ALPHABET.indexOf(character));
        }
        let fromBytes = 0n;
        for (const byte of bytes) fromBytes = (fromBytes << 8n) | BigInt(byte);
        expect(fromCharacters).toBe(fromBytes >> 5n);
      }),
    );
  });

  it('is a bijection from 35 random bits to data characters, so no value is favoured', () => {
    // Only the top 35 of the 40 bits are used, so the low 5 bits of the last byte never matter
    // and any other change gives a different reference.
    fc.assert(
      fc.property(fiveBytes, fiveBytes, (a, b) => {
        const sameTopBits = a.slice(0, 4).every((byte, i) => byte === b[i]) && a[4]! >> 5 === b[4]! >> 5;
        expect(generateReference(() => a) === generateReference(() => b)).toBe(sameTopBits);
      }),
    );
  });

  it('spreads characters evenly over every position (chi-squared, seeded source)', () => {
    const samples = 32 * 400;
    const counts = Array.from({ length: 7 }, () => new Array<number>(32).fill(0));
    const source = seededBytes(20240331);
    for (let i = 0; i < samples; i += 1) {
      const data = bodyOf(generateReference(source)).slice(0, 7);
      [...data].forEach((character, position) => {
        counts[position]![REFERENCE_ALPHABET.indexOf(character)]! += 1;
      });
    }
    const expected = samples / 32;
    for (const positionCounts of counts) {
      const chiSquared = positionCounts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
      // 31 degrees of freedom: 70 is far beyond the 99.99th percentile (about 64).
      expect(chiSquared).toBeLessThan(70);
    }
  });

  it('is not sequential: successive references from real randomness differ and do not repeat', () => {
    const generated = Array.from({ length: 2000 }, () => generateReference(randomBytes));
    for (let i = 1; i < generated.length; i += 1) expect(generated[i]).not.toBe(generated[i - 1]);
    // 2000 draws from 2^35 values collide with probability about 6 in 100,000.
    expect(new Set(generated).size).toBe(generated.length);
  });

  it('refuses a random source that returns too few bytes', () => {
    expect(() => generateReference(() => new Uint8Array(4))).toThrow(RangeError);
  });

  it('matches known values', () => {
    expect(generateReference(() => new Uint8Array(5))).toBe('CMP-0000-0000');
    expect(generateReference(() => new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]))).toBe(
      `CMP-ZZZZ-ZZZ${referenceCheckCharacter('ZZZZZZZ')}`,
    );
  });
});

describe('referenceCheckCharacter', () => {
  it('gives exactly one character that completes each set of data characters', () => {
    fc.assert(
      fc.property(reference, (generated) => {
        const data = bodyOf(generated).slice(0, 7);
        const completing = [...REFERENCE_ALPHABET].filter((check) => isValidReference(withBody(data + check)));
        expect(completing).toEqual([referenceCheckCharacter(data)]);
      }),
    );
  });

  it('refuses data of the wrong length or with characters outside the alphabet', () => {
    expect(() => referenceCheckCharacter('ABCDEF')).toThrow(RangeError);
    expect(() => referenceCheckCharacter('ABCDEFGH')).toThrow(RangeError);
    expect(() => referenceCheckCharacter('ABCDEFU')).toThrow(RangeError);
  });
});

describe('error detection', () => {
  it('rejects EVERY single-character substitution at every position', () => {
    fc.assert(
      fc.property(reference, (generated) => {
        const body = bodyOf(generated);
        // 248 mistypings per reference: gathered and asserted once, as one expect per mistyping
        // costs more than the rule being checked.
        const accepted: string[] = [];
        for (let position = 0; position < 8; position += 1) {
          for (const replacement of REFERENCE_ALPHABET) {
            if (replacement === body[position]) continue;
            const mistyped = withBody(replaceAt(body, position, replacement));
            const parsed = parseReference(mistyped);
            if (isValidReference(mistyped) || parsed.ok || parsed.reason !== 'check') accepted.push(mistyped);
          }
        }
        expect(accepted).toEqual([]);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('rejects EVERY adjacent swap of two different characters, including data with check', () => {
    fc.assert(
      fc.property(reference, (generated) => {
        const body = bodyOf(generated);
        for (let position = 0; position < 7; position += 1) {
          if (body[position] === body[position + 1]) continue;
          const swapped = withBody(swapAt(body, position));
          expect(isValidReference(swapped)).toBe(false);
          expect(parseReference(swapped)).toEqual({ ok: false, reason: 'check' });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('rejects swaps of the last data character with the check character (targeted)', () => {
    // Build references whose last two characters differ so the swap is always exercised.
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{7}$/), (data) => {
        const check = referenceCheckCharacter(data);
        fc.pre(check !== data[6]);
        expect(parseReference(withBody(swapAt(data + check, 6))).ok).toBe(false);
      }),
    );
  });
});

describe('parseReference', () => {
  it('round-trips every generated reference unchanged', () => {
    fc.assert(
      fc.property(reference, (generated) => {
        expect(parseReference(generated)).toEqual({ ok: true, reference: generated });
      }),
    );
  });

  it('forgives case, spaces, hyphens, a missing prefix and the O/I/L aliases', () => {
    const canonical = withBody(`7K3P9QX${referenceCheckCharacter('7K3P9QX')}`);
    const check = canonical.slice(-1);
    const forms = [
      `cmp 7k3p 9qx${check.toLowerCase()}`,
      `CMP7K3P9QX${check}`,
      `7K3P-9QX${check}`,
      `7k3p9qx${check.toLowerCase()}`,
      `  cmp-7k3p-9qx${check}  `,
      `C M P - 7 K 3 P - 9 Q X ${check}`,
      `Cmp–7K3P–9QX${check}`,
      `\t7K3P\n9QX${check}`,
    ];
    for (const form of forms) expect(parseReference(form)).toEqual({ ok: true, reference: canonical });
  });

  it('reads O as 0 and I or L as 1', () => {
    const data = '10A01B0';
    const canonical = withBody(data + referenceCheckCharacter(data));
    const typed = canonical.replace(/0/g, 'O').replace('1', 'i').replace('1', 'L');
    expect(typed).not.toBe(canonical);
    expect(parseReference(typed)).toEqual({ ok: true, reference: canonical });
    expect(parseReference(typed.toLowerCase())).toEqual({ ok: true, reference: canonical });
  });

  it('forgives any mix of separators, case and prefix for every generated reference', () => {
    const separator = fc.constantFrom('', ' ', '-', '  ', ' - ');
    fc.assert(
      fc.property(
        reference,
        fc.boolean(),
        fc.boolean(),
        fc.array(separator, { minLength: 9, maxLength: 9 }),
        (generated, withPrefix, lower, separators) => {
          const body = bodyOf(generated);
          let typed = withPrefix ? 'CMP' : '';
          [...body].forEach((character, i) => {
            typed += separators[i]! + character;
          });
          typed += separators[8]!;
          if (lower) typed = typed.toLowerCase();
          expect(parseReference(typed)).toEqual({ ok: true, reference: generated });
        },
      ),
    );
  });

  it('keeps an 8-character body that happens to start with CMP', () => {
    const data = 'CMP1234';
    const canonical = withBody(data + referenceCheckCharacter(data));
    expect(parseReference(bodyOf(canonical))).toEqual({ ok: true, reference: canonical });
    expect(parseReference(canonical)).toEqual({ ok: true, reference: canonical });
  });

  it('says why it refused', () => {
    expect(parseReference('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseReference('   - - ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseReference('CMP')).toEqual({ ok: false, reason: 'length' });
    expect(parseReference('CMP-1234-567')).toEqual({ ok: false, reason: 'length' });
    expect(parseReference('CMP-1234-56789')).toEqual({ ok: false, reason: 'length' });
    expect(parseReference('1234567')).toEqual({ ok: false, reason: 'length' });
    expect(parseReference('CMP-1234-U678')).toEqual({ ok: false, reason: 'character' });
    expect(parseReference('CMP-12#4-5678')).toEqual({ ok: false, reason: 'character' });
    // A wrong prefix is made of valid characters, so it shows up as too many of them.
    expect(parseReference('ABC-1234-5678')).toEqual({ ok: false, reason: 'length' });
  });

  it('refuses a wrong check character', () => {
    const data = '7K3P9QX';
    const check = referenceCheckCharacter(data);
    const wrong = REFERENCE_ALPHABET[(REFERENCE_ALPHABET.indexOf(check) + 1) % 32]!;
    expect(parseReference(withBody(data + wrong))).toEqual({ ok: false, reason: 'check' });
  });
});

describe('normaliseReference', () => {
  it('gives the canonical form of valid input and undefined otherwise', () => {
    fc.assert(
      fc.property(reference, (generated) => {
        expect(normaliseReference(bodyOf(generated).toLowerCase())).toBe(generated);
      }),
    );
    expect(normaliseReference('CMP-0000-0001')).toBeUndefined();
    expect(normaliseReference('')).toBeUndefined();
  });
});

describe('isValidReference', () => {
  it('accepts only the canonical form', () => {
    fc.assert(
      fc.property(reference, (generated) => {
        expect(isValidReference(generated)).toBe(true);
        expect(isValidReference(generated.toLowerCase())).toBe(false);
        expect(isValidReference(bodyOf(generated))).toBe(false);
        expect(isValidReference(` ${generated}`)).toBe(false);
      }),
    );
  });

  it('agrees with parseReference on canonical strings', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^CMP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/), (candidate) => {
        expect(isValidReference(candidate)).toBe(parseReference(candidate).ok);
      }),
    );
  });
});
