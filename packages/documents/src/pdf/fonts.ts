import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';

const require = createRequire(import.meta.url);

/**
 * The PDFs' typeface: Noto Sans from npm, in two subsets because the package ships them apart.
 * react-pdf falls back glyph by glyph through the family list, so Welsh letters such as ŵ and ŷ
 * (Latin Extended-A, missing from the built-in PDF fonts) come from the second file.
 */
export const PDF_FONT_FAMILY = ['NotoSans', 'NotoSansExtended'];

let registered = false;

export function registerPdfFonts(): void {
  if (registered) return;
  for (const [family, subset] of [
    ['NotoSans', 'latin'],
    ['NotoSansExtended', 'latin-ext'],
  ] as const) {
    Font.register({
      family,
      fonts: [
        { src: require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-400-normal.woff`), fontWeight: 400 },
        { src: require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-700-normal.woff`), fontWeight: 700 },
        { src: require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-400-italic.woff`), fontWeight: 400, fontStyle: 'italic' },
      ],
    });
  }
  // Words are not broken with hyphens: a hyphen inside a word confuses people reading aloud.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
