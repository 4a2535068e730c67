import { type DocumentBlock, DocumentBlocks } from '@complaints/documents';
import { renderToStaticMarkup } from 'react-dom/server';

/**
 * A letter's blocks as HTML, made on the server by the same renderer as its email, so the PDF
 * library never reaches the browser. React escapes every word, so the markup is safe to insert.
 *
 * On screen a reference is shown as a row of facts rather than the confirmation panel the shared
 * renderer uses: inside a staff page the panel's text takes the page's dark text colour on the
 * panel's green, which fails contrast, and a letter preview is not a confirmation.
 */
export function letterMarkup(blocks: DocumentBlock[], headingOffset: 0 | 1 = 1): string {
  const onScreen = blocks.map((b): DocumentBlock => (b.kind === 'reference' ? { kind: 'facts', rows: [{ label: b.label, value: b.value }] } : b));
  return renderToStaticMarkup(<DocumentBlocks blocks={onScreen} headingOffset={headingOffset} />);
}
