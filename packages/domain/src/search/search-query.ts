import { REFERENCE_PREFIX, parseReference } from '../reference/reference-number';
import { searchableCourtCaseNumber, searchableEmail, searchableName, searchablePhone } from './search-text';

/**
 * What a member of staff typed in the search box, read as what it most likely is: a reference, an
 * email address, a phone number, a court case number or (for anything else) part of a name.
 */

export type NameSearch = {
  /** The words typed, folded as names are stored (`searchableName`); each must start a word of the name. */
  words: string[];
};

export type SearchQuery =
  /** `alsoName`: a word that is a valid reference but could also be a surname ("Thompson"). */
  | { kind: 'reference'; reference: string; alsoName: NameSearch | null }
  | { kind: 'email'; email: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'court_case_number'; courtCaseNumber: string }
  | ({ kind: 'name' } & NameSearch);

export type SearchKind = SearchQuery['kind'];

export type SearchProblem =
  /** Nothing typed. */
  | 'empty'
  /** More than anyone would type to find one complaint. */
  | 'too_long'
  /** A reference whose check character does not fit: mistyped. We say so and guess nothing. */
  | 'reference_check'
  /** Begins "CMP" but has too many or too few characters, or ones no reference has. */
  | 'reference_malformed'
  /** Too little to search on: fewer than 2 letters of a name, or too few digits of a number. */
  | 'too_short';

export type ParsedSearch = { ok: true; query: SearchQuery } | { ok: false; problem: SearchProblem };

export const SEARCH_LIMITS = {
  /** Characters in the box. */
  length: 100,
  /** Letters of a name, at least. */
  nameLetters: 2,
  /** Words of a name that are searched on; more are ignored. */
  nameWords: 5,
  /** Digits of a phone number, at least: enough to be someone's number rather than part of one. */
  phoneDigits: 6,
  /** Letters and digits of a court case number, at least (its start). */
  courtCaseNumber: 4,
  /** Results on a page. */
  pageSize: 25,
} as const;

const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;
const PHONE_LIKE = /^[+\d\s().\-]+$/;

function nameSearch(text: string): NameSearch | null {
  const words = searchableName(text)
    .split(' ')
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, SEARCH_LIMITS.nameWords);
  const letters = words.join('').length;
  return letters >= SEARCH_LIMITS.nameLetters ? { words } : null;
}

/**
 * Reads a search. A reference is forgiven its case, spaces, hyphens and a missing "CMP" (as
 * `parseReference` forgives them); one with a wrong check character is refused as mistyped rather
 * than matched to its nearest neighbour, which could be another family's complaint.
 */
export function parseSearchQuery(input: string): ParsedSearch {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (text.length > SEARCH_LIMITS.length) return { ok: false, problem: 'too_long' };

  if (text.includes('@')) {
    const email = searchableEmail(text).replace(/\s+/g, '');
    return email.length >= 3 ? { ok: true, query: { kind: 'email', email } } : { ok: false, problem: 'too_short' };
  }

  const compact = text.replace(SEPARATORS, '').toUpperCase();
  const alphanumeric = /^[0-9A-Z]+$/.test(compact);
  const hasDigit = /\d/.test(compact);
  const hasLetter = /[A-Z]/.test(compact);
  const prefixed = alphanumeric && compact.startsWith(REFERENCE_PREFIX) && compact.length > REFERENCE_PREFIX.length;

  const reference = parseReference(text);
  if (reference.ok) {
    // A single word of letters only, typed without "CMP", may be a surname that happens to pass
    // the check (about one eight-letter name in 32): it is searched as a name too.
    const couldBeName = !prefixed && !hasDigit && /^\p{L}+$/u.test(text);
    return { ok: true, query: { kind: 'reference', reference: reference.reference, alsoName: couldBeName ? nameSearch(text) : null } };
  }
  if (prefixed) {
    return { ok: false, problem: reference.reason === 'check' ? 'reference_check' : 'reference_malformed' };
  }
  // Eight characters with a digit among them are a reference (names have no digits, and court
  // case numbers are longer); a wrong check character then means a mistyping.
  if (alphanumeric && hasDigit && compact.length === 8 && reference.reason === 'check') {
    return { ok: false, problem: 'reference_check' };
  }

  if (PHONE_LIKE.test(text) && hasDigit) {
    const phone = searchablePhone(text);
    return phone.length >= SEARCH_LIMITS.phoneDigits ? { ok: true, query: { kind: 'phone', phone } } : { ok: false, problem: 'too_short' };
  }

  if (hasDigit && hasLetter && /^[0-9A-Z]+$/.test(compact.replace(/[./]/g, ''))) {
    const courtCaseNumber = searchableCourtCaseNumber(text);
    return courtCaseNumber.length >= SEARCH_LIMITS.courtCaseNumber
      ? { ok: true, query: { kind: 'court_case_number', courtCaseNumber } }
      : { ok: false, problem: 'too_short' };
  }

  const name = nameSearch(text);
  return name ? { ok: true, query: { kind: 'name', ...name } } : { ok: false, problem: 'too_short' };
}

/** The number of pages for a count of results, at least one. */
export function searchPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / SEARCH_LIMITS.pageSize));
}

/** A page number as the address bar gives it: a whole number from 1, else 1. */
export function parseSearchPage(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
