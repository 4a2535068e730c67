import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

/**
 * The pictures in the children's documents and the easy-read leaflet: OpenMoji, an open-source
 * set of emoji and icons, from its npm package (which ships SVG files). Its licence, CC BY-SA 4.0,
 * asks that the set be credited with the licence named wherever the pictures appear: the credit is
 * printed at the end of every document that uses one (`pictureCredit` in the documents namespace).
 */
export const PICTURE_SET = {
  name: 'OpenMoji',
  website: 'https://openmoji.org',
  licence: 'CC BY-SA 4.0',
  licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
} as const;

const SVG_FOLDER = path.join(path.dirname(require.resolve('openmoji/package.json')), 'color', 'svg');

/** An OpenMoji name is its Unicode code points in capitals, joined by dashes: `1F4DE`, `1F9D1-200D-1F3EB`. */
const PICTURE_NAME = /^[0-9A-F]{4,6}(?:-[0-9A-F]{4,6})*$/;

/** Whether a name is a picture in the set; also the guard against a path being asked for. */
export function isPictureName(name: string): boolean {
  return PICTURE_NAME.test(name) && existsSync(path.join(SVG_FOLDER, `${name}.svg`));
}

/** The picture as SVG, for web pages (throws for a name not in the set). */
export function pictureSvg(name: string): Buffer {
  if (!isPictureName(name)) throw new Error(`${name} is not an OpenMoji picture.`);
  return readFileSync(path.join(SVG_FOLDER, `${name}.svg`));
}

const pngs = new Map<string, Buffer>();

/**
 * The picture as a PNG `size` pixels square, for PDFs: the PDF renderer draws PNG and JPEG, not
 * SVG files. Drawn with resvg and kept, as the same few pictures are in every document.
 */
export function picturePng(name: string, size = 192): Buffer {
  const key = `${name}@${size}`;
  const known = pngs.get(key);
  if (known) return known;
  const png = new Resvg(pictureSvg(name), { fitTo: { mode: 'width', value: size }, background: 'rgba(255,255,255,0)' }).render().asPng();
  pngs.set(key, png);
  return png;
}

/** Where the portal serves a picture for web pages. */
export function picturePath(name: string): string {
  return `/pictures/${name}.svg`;
}
