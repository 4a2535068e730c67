import { type DocumentBlock, DocumentBlocks } from '@complaints/documents';
import { renderToStaticMarkup } from 'react-dom/server';

/**
 * A letter's blocks as HTML, made on the server by the same renderer as its email, so the PDF
 * library never reaches the browser. React escapes every word, so the markup is safe to insert.
 */
export function letterMarkup(blocks: DocumentBlock[], headingOffset: 0 | 1 = 1): string {
  return renderToStaticMarkup(<DocumentBlocks blocks={blocks} headingOffset={headingOffset} />);
}
