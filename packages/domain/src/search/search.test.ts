import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReference, referenceCheckCharacter, REFERENCE_ALPHABET } from '../reference/reference-number';
import { parseSearchPage, parseSearchQuery, SEARCH_LIMITS, searchPageCount } from './search-query';
import { SEARCH_FOLD, SEARCH_SQL, searchableCourtCaseNumber, searchableName, searchablePhone } from './search-text';

const canonical = (data: string) => `CMP-${data.slice(0, 4)}-${data.slice(4)}${referenceCheckCharacter(data)}`;
const wrongCheck = (reference: string) => {
  const check = reference.slice(-1);
  return reference.slice(0, -1) + REFERENCE_ALPHABET[(REFERENCE_ALPHABET.indexOf(check) + 1) % 32];
};

describe('searchableName', () => {
  it('ignores case and accents, Welsh ones included', () => {
    expect(searchableName('Siân Ŵyn-Jones')).toBe(' sian wyn jones ');
    expect(searchableName('ZOË  BRONTË')).toBe(' zoe bronte ');
    expect(searchableName('Łukasz Øster')).toBe(' lukasz oster ');
    expect(searchableName('Dafydd ap Gruffŷdd')).toBe(' dafydd ap gruffydd ');
  });

  it('drops apostrophes and treats other punctuation as a space between words', () => {
    expect(searchableName("Siobhán O'Brien")).toBe(' siobhan obrien ');
    expect(searchableName('Mary-Jane  Smith.')).toBe(' mary jane smith ');
    expect(searchableName('  ')).toBe('  ');
  });

  it('folds every character of its table as SQL translate() would', () => {
    const from = [...SEARCH_FOLD.from];
    const to = [...SEARCH_FOLD.to];
    expect(new Set(from).size).toBe(from.length);
    for (const [i, character] of from.entries()) {
      const expected = i < to.length ? to[i]!.trim() : '';
      expect(searchableName(`a${character}b`).replace(/ /g, '')).toBe(`a${expected}b`);
    }
  });

  it('gives a name the same form whatever its case', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzâêîôûŵŷáéíóúàèëïöü '.split('')) }), (name) => {
        expect(searchableName(name.toUpperCase())).toBe(searchableName(name));
      }),
    );
  });
});

describe('searchablePhone', () => {
  it('keeps the digits and dials a UK number from 0', () => {
    expect(searchablePhone('07700 900 123')).toBe('07700900123');
    expect(searchablePhone('+44 7700 900123')).toBe('07700900123');
    expect(searchablePhone('+44 (0)7700-900-123')).toBe('07700900123');
    expect(searchablePhone('0044 7700 900123')).toBe('07700900123');
    expect(searchablePhone('+33 1 23 45 67 89')).toBe('33123456789');
  });
});

describe('searchableCourtCaseNumber', () => {
  it('keeps letters and digits in capitals', () => {
    expect(searchableCourtCaseNumber('zw24 c 50123')).toBe('ZW24C50123');
    expect(searchableCourtCaseNumber('LV23/P/00456')).toBe('LV23P00456');
  });
});

describe('SEARCH_SQL', () => {
  it('quotes its table so an apostrophe cannot end the string', () => {
    expect(SEARCH_SQL.name('full_name')).toContain("''");
    expect(SEARCH_SQL.name('full_name').startsWith("(' ' || btrim(regexp_replace(translate(full_name, '")).toBe(true);
  });
});

describe('parseSearchQuery', () => {
  const reference = canonical('7K3P9QX');

  it('reads a reference however it is typed: lower case, no hyphens, no prefix, spaced', () => {
    const body = reference.slice(4).replace('-', '');
    for (const typed of [reference, reference.toLowerCase(), `cmp${body.toLowerCase()}`, body.toLowerCase(), ` ${body.slice(0, 4)} ${body.slice(4)} `]) {
      expect(parseSearchQuery(typed)).toEqual({ ok: true, query: { kind: 'reference', reference, alsoName: null } });
    }
  });

  it('reads every generated reference typed in lower case without hyphens', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 5 }), (bytes) => {
        const generated = generateReference(() => bytes);
        const parsed = parseSearchQuery(generated.replace(/-/g, '').toLowerCase());
        expect(parsed.ok && parsed.query.kind === 'reference' && parsed.query.reference).toBe(generated);
      }),
    );
  });

  it('says a mistyped check character is mistyped, and suggests nothing', () => {
    const mistyped = wrongCheck(reference);
    expect(parseSearchQuery(mistyped)).toEqual({ ok: false, problem: 'reference_check' });
    expect(parseSearchQuery(mistyped.slice(4).replace('-', '').toLowerCase())).toEqual({ ok: false, problem: 'reference_check' });
  });

  it('says a "CMP" reference of the wrong length or characters is not a reference', () => {
    expect(parseSearchQuery('CMP-7K3P-9Q')).toEqual({ ok: false, problem: 'reference_malformed' });
    expect(parseSearchQuery('cmp 7k3p 9qxa1')).toEqual({ ok: false, problem: 'reference_malformed' });
    expect(parseSearchQuery('CMP-7K3P-9QU1')).toEqual({ ok: false, problem: 'reference_malformed' });
  });

  it('searches a surname that happens to pass the check as a reference and as a name', () => {
    // "Davidson" reads as CMP-DAV1-DS0N, whose check character fits.
    expect(parseSearchQuery('Davidson')).toEqual({ ok: true, query: { kind: 'reference', reference: 'CMP-DAV1-DS0N', alsoName: { words: ['davidson'] } } });
    // Other eight-letter names fail the check, and having no digit they are names, not mistypings.
    for (const name of ['Thompson', 'Robinson', 'Harrison', 'Richards']) {
      expect(parseSearchQuery(name)).toEqual({ ok: true, query: { kind: 'name', words: [name.toLowerCase()] } });
    }
  });

  it('never treats a prefixed or digit-bearing reference as a name', () => {
    expect(parseSearchQuery(reference)).toMatchObject({ ok: true, query: { alsoName: null } });
  });

  it('reads an email address, in lower case', () => {
    expect(parseSearchQuery(' Jo.Carr@Example.ORG ')).toEqual({ ok: true, query: { kind: 'email', email: 'jo.carr@example.org' } });
  });

  it('reads a phone number written any usual way', () => {
    expect(parseSearchQuery('+44 (0)7700 900123')).toEqual({ ok: true, query: { kind: 'phone', phone: '07700900123' } });
    expect(parseSearchQuery('07700-900-123')).toEqual({ ok: true, query: { kind: 'phone', phone: '07700900123' } });
    expect(parseSearchQuery('123')).toEqual({ ok: false, problem: 'too_short' });
  });

  it('reads a court case number, or its start', () => {
    expect(parseSearchQuery('zw24 c50123')).toEqual({ ok: true, query: { kind: 'court_case_number', courtCaseNumber: 'ZW24C50123' } });
    expect(parseSearchQuery('LV23/P')).toEqual({ ok: true, query: { kind: 'court_case_number', courtCaseNumber: 'LV23P' } });
    expect(parseSearchQuery('A1')).toEqual({ ok: false, problem: 'too_short' });
  });

  it('reads anything else as words of a name, folded as names are stored', () => {
    expect(parseSearchQuery('  Siân  JON ')).toEqual({ ok: true, query: { kind: 'name', words: ['sian', 'jon'] } });
    expect(parseSearchQuery("o'bri")).toEqual({ ok: true, query: { kind: 'name', words: ['obri'] } });
    expect(parseSearchQuery('a b c d e f g').ok && (parseSearchQuery('a b c d e f g') as { query: { words: string[] } }).query.words).toHaveLength(SEARCH_LIMITS.nameWords);
  });

  it('refuses nothing, too little and too much', () => {
    expect(parseSearchQuery('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(parseSearchQuery('j')).toEqual({ ok: false, problem: 'too_short' });
    expect(parseSearchQuery("-'-")).toEqual({ ok: false, problem: 'too_short' });
    expect(parseSearchQuery('x'.repeat(SEARCH_LIMITS.length + 1))).toEqual({ ok: false, problem: 'too_long' });
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (typed) => {
        const parsed = parseSearchQuery(typed);
        expect(typeof parsed.ok).toBe('boolean');
      }),
    );
  });
});

describe('paging', () => {
  it('counts pages and reads page numbers', () => {
    expect(searchPageCount(0)).toBe(1);
    expect(searchPageCount(SEARCH_LIMITS.pageSize + 1)).toBe(2);
    expect(parseSearchPage('3')).toBe(3);
    expect(parseSearchPage('0')).toBe(1);
    expect(parseSearchPage('x')).toBe(1);
    expect(parseSearchPage(null)).toBe(1);
  });
});
