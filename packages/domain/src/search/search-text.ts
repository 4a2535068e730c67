/**
 * How names, phone numbers, email addresses and court case numbers are written for searching, so
 * that what someone types matches what was stored whatever its case, accents, spacing or
 * punctuation. The database keeps each complainant's searchable forms in generated columns built
 * from the SQL expressions below, and a typed query is folded here by the same table, so the two
 * sides cannot drift apart (the schema imports these expressions; a test compares both sides).
 */

// Apostrophes vanish (O'Brien is found by "obrien"); other punctuation in a name separates words
// (Smith-Jones is found by "jones").
const DELETED = "'’‘`ʼ";
const SEPARATING = '-‐‑‒–—―./,()"_&+';

// Letters that have no decomposition into a base letter and a mark, folded by hand.
const UNDECOMPOSED: Readonly<Record<string, string>> = { ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', ŧ: 't', ŀ: 'l' };

/**
 * The letter a character is searched as: lower case, without accents. A–Z, Latin-1 and Latin
 * Extended-A only (the Welsh ŵ and ŷ, and the accents of most European names); anything else is
 * kept as it was written.
 */
function foldedLetter(character: string): string | null {
  const base = character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const folded = UNDECOMPOSED[base] ?? base;
  return [...folded].length === 1 && folded !== character ? folded : null;
}

function buildFoldTable(): { from: string; to: string } {
  let from = '';
  let to = '';
  const characters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  for (let code = 0xc0; code <= 0x17f; code += 1) characters.push(String.fromCharCode(code));
  for (const character of characters) {
    const folded = foldedLetter(character);
    if (folded === null) continue;
    from += character;
    to += folded;
  }
  for (const separator of SEPARATING) {
    from += separator;
    to += ' ';
  }
  // translate() deletes the characters of its second argument that have none in the third.
  return { from: from + DELETED, to };
}

/** The one table of characters folded for search, as SQL's translate() takes it. */
export const SEARCH_FOLD = buildFoldTable();

const FOLD_MAP: ReadonlyMap<string, string> = new Map(
  [...SEARCH_FOLD.from].map((character, i) => [character, [...SEARCH_FOLD.to][i] ?? '']),
);

/**
 * A name as it is searched: lower case, accents and apostrophes gone, punctuation and runs of
 * spaces made one space, with a space at each end so that "starts a word" is `like '% jo%'`.
 */
export function searchableName(name: string): string {
  const folded = [...name].map((c) => FOLD_MAP.get(c) ?? c).join('');
  const words = folded.split(/\s+/).filter((w) => w !== '');
  return ` ${words.join(' ')} `;
}

/**
 * A phone number as it is searched: digits only, and a UK number written internationally
 * (+44 or 0044, with or without the "(0)" people add) as it is dialled at home, from 0.
 */
export function searchablePhone(phone: string): string {
  return phone
    .replace(/[^0-9+]/g, '')
    .replace(/^(\+44|0044)0?/, '0')
    .replace(/\+/g, '');
}

/** A court case number as it is searched: letters and digits only, in capitals. */
export function searchableCourtCaseNumber(value: string): string {
  return value.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}

/** An email address as it is searched: trimmed and in lower case. */
export function searchableEmail(email: string): string {
  return email.trim().toLowerCase();
}

const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The same rules in SQL, for the generated columns: each takes the column's SQL name and gives an
 * expression PostgreSQL accepts in a generated column (immutable functions only: translate,
 * regexp_replace, upper, lower, btrim), and gives null for null.
 */
export const SEARCH_SQL = {
  name: (column: string) =>
    `(' ' || btrim(regexp_replace(translate(${column}, ${quoted(SEARCH_FOLD.from)}, ${quoted(SEARCH_FOLD.to)}), '\\s+', ' ', 'g')) || ' ')`,
  phone: (column: string) =>
    `replace(regexp_replace(regexp_replace(${column}, '[^0-9+]', '', 'g'), '^(\\+44|0044)0?', '0'), '+', '')`,
  courtCaseNumber: (column: string) => `upper(regexp_replace(${column}, '[^A-Za-z0-9]', '', 'g'))`,
  email: (column: string) => `lower(btrim(${column}))`,
} as const;
