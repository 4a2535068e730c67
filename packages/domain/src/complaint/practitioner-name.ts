/**
 * The practitioner a complaint is about can be known two ways: the record staff chose, and the
 * name the complainant gave. Both are shown only when they differ: "Joanne Carr; Joanne Carr (as
 * they gave it)" says nothing the first name did not. Names are compared as people write them:
 * case, accents and spacing ignored (Intl.Collator at base sensitivity does the case and accents,
 * as it does for the search), so "joanne  carr" and "Joanne Carr" are one name.
 */
const collator = new Intl.Collator('en-GB', { sensitivity: 'base', ignorePunctuation: true });

function tidy(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Whether two names written by people are the same name. */
export function sameName(a: string, b: string): boolean {
  return collator.compare(tidy(a), tidy(b)) === 0;
}

/**
 * The name the complainant gave, when it is worth showing beside the recorded practitioner: not
 * when it is empty, nor when it is the recorded name written another way.
 */
export function practitionerNameGivenToShow(recorded: string | null | undefined, given: string | null | undefined): string | null {
  const name = given ? tidy(given) : '';
  if (name === '') return null;
  if (recorded && sameName(recorded, name)) return null;
  return name;
}
