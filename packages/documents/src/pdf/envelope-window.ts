/**
 * Where a posted letter's address goes on the sheet. Our letters are A4, folded in three and put
 * in a DL (or C5/6) window envelope, whose window sits about 20 mm from the left edge and shows
 * 90 × 35 mm of the sheet's top third, from 45 mm down. The address is printed inside that window
 * with a margin all round, so a sheet that shifts a few millimetres in the envelope still shows
 * all of it and nothing else.
 */

/** One millimetre in PDF points. */
export const MM = 72 / 25.4;

/** The part of the sheet the envelope's window shows, in millimetres from the sheet's top left. */
export const ENVELOPE_WINDOW = { left: 20, top: 45, width: 90, height: 35 } as const;

/** The clear margin kept inside the window, in millimetres. */
export const WINDOW_MARGIN = { horizontal: 4, vertical: 3 } as const;

/** The address's type: fixed, whoever the letter is for, so six lines always fit the window. */
export const ADDRESS_FONT_SIZE = 11;
export const ADDRESS_LINE_HEIGHT = 1.2;

/** The lines the window holds at that size: (35 − 2 × 3) mm ≈ 82 pt, over 13.2 pt a line. */
export const ADDRESS_MAX_LINES = 6;

/**
 * The address as it is printed: blank lines dropped and, when it has more lines than the window
 * holds, the lines between the first (the name) and the last (the postcode) joined with commas
 * from the end up, so nothing of it is lost and all of it shows.
 */
export function addressForWindow(lines: readonly string[]): string[] {
  const kept = lines.map((l) => l.trim()).filter((l) => l !== '');
  while (kept.length > ADDRESS_MAX_LINES) {
    // Join the two lines above the postcode: the street end of an address is the longest.
    const last = kept.length - 1;
    kept.splice(last - 2, 2, `${kept[last - 2]}, ${kept[last - 1]}`);
  }
  return kept;
}
