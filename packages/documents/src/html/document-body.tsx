import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { DocumentBlock, DocumentPicture, DocumentSource } from '../document-model';
import { picturePath } from '../pictures';

/**
 * Words with their picture on the left. The picture's alternative text says what it shows; a
 * decorative one has empty alternative text, so screen readers pass over it.
 */
function Pictured({ picture, children, pictureBase }: { picture: DocumentPicture | undefined; children: ReactNode; pictureBase: string }) {
  if (!picture) return <>{children}</>;
  return (
    <div className="app-pictured">
      <img className="app-pictured__picture" src={`${pictureBase}${picturePath(picture.name)}`} alt={picture.alt} width={64} height={64} />
      <div className="app-pictured__words">{children}</div>
    </div>
  );
}

/**
 * The same blocks as accessible HTML in GOV.UK markup: what a web page shows and what an email
 * carries. Headings keep their levels, lists are lists, facts are a summary list.
 */
export function DocumentBlocks({
  blocks,
  headingOffset = 0,
  pictureBase = '',
}: {
  blocks: DocumentBlock[];
  headingOffset?: 0 | 1;
  /** Put before a picture's path (`/pictures/….svg`): the web address pictures are served from. */
  pictureBase?: string;
}) {
  return (
    <>
      {blocks.map((block, i) => {
        if ('picture' in block && block.picture) {
          return (
            <Pictured key={i} picture={block.picture} pictureBase={pictureBase}>
              <DocumentBlocks blocks={[{ ...block, picture: undefined } as DocumentBlock]} headingOffset={headingOffset} pictureBase={pictureBase} />
            </Pictured>
          );
        }
        switch (block.kind) {
          case 'heading': {
            const level = Math.min(block.level + headingOffset, 4);
            const className = level === 1 ? 'govuk-heading-l' : level === 2 ? 'govuk-heading-m' : 'govuk-heading-s';
            const Tag = `h${level}` as 'h1' | 'h2' | 'h3' | 'h4';
            return (
              <Tag key={i} className={className}>
                {block.text}
              </Tag>
            );
          }
          case 'paragraph':
            return (
              <p key={i} className={block.style === 'lead' ? 'govuk-body-l' : block.style === 'small' ? 'govuk-body-s' : 'govuk-body'}>
                {block.text}
              </p>
            );
          case 'list': {
            const List = block.ordered ? 'ol' : 'ul';
            return (
              <List key={i} className={`govuk-list ${block.ordered ? 'govuk-list--number' : 'govuk-list--bullet'}`}>
                {block.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </List>
            );
          }
          case 'facts':
            return (
              <dl key={i} className="govuk-summary-list">
                {block.rows.map((row, j) => (
                  <div key={j} className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{row.label}</dt>
                    <dd className="govuk-summary-list__value">{row.value}</dd>
                  </div>
                ))}
              </dl>
            );
          case 'callout':
            return (
              <div key={i} className="govuk-inset-text">
                {block.text}
              </div>
            );
          case 'reference':
            return (
              // A div, not a p: the GOV.UK global styles colour paragraphs, which would put dark
              // text on the panel's colour.
              <div key={i} className="govuk-panel govuk-panel--confirmation">
                <div className="govuk-panel__body">
                  {block.label}
                  <br />
                  <strong className="app-reference-to-keep">{block.value}</strong>
                </div>
              </div>
            );
          case 'table':
            return (
              <table key={i} className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">{block.caption}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    {block.head.map((h, j) => (
                      <th key={j} scope="col" className="govuk-table__header">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {block.rows.map((row, r) => (
                    <tr key={r} className="govuk-table__row">
                      {row.map((cell, c) => (
                        <td key={c} className="govuk-table__cell">
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          case 'address':
            return (
              <p key={i} className="govuk-body">
                {block.lines.map((line, j) => (
                  <span key={j}>
                    {j > 0 ? <br /> : null}
                    {line}
                  </span>
                ))}
              </p>
            );
          default:
            return null;
        }
      })}
    </>
  );
}

/** A whole document as an HTML page with inline styles, for an email body. */
export function renderHtmlDocument(source: DocumentSource): string {
  const body = renderToStaticMarkup(<DocumentBlocks blocks={source.blocks} />);
  const size = source.audience === 'child' ? 19 : 16;
  const note =
    (source.webVersionNote ? `<p>${escapeHtml(source.webVersionNote)}</p>` : '') + (source.credits ? `<p style="font-size: 14px;">${escapeHtml(source.credits)}</p>` : '');
  return `<!doctype html><html lang="${source.language}"><head><meta charset="utf-8"><title>${escapeHtml(source.title)}</title></head><body style="font-family: Arial, sans-serif; font-size: ${size}px; line-height: 1.5; color: #0b0c0c; max-width: 40em;"><p style="font-weight: bold; color: #5a2d82;">${escapeHtml(source.organisationName)}</p>${body}${note}</body></html>`;
}

/** The plain-text alternative of the same document, for email clients that show no HTML. */
export function renderPlainText(source: DocumentSource): string {
  const lines: string[] = [source.organisationName, ''];
  for (const block of source.blocks) {
    switch (block.kind) {
      case 'heading':
        lines.push(block.text, (block.level === 1 ? '=' : '-').repeat(Math.min(block.text.length, 60)), '');
        break;
      case 'paragraph':
      case 'callout':
        lines.push(block.text, '');
        break;
      case 'list':
        block.items.forEach((item, i) => lines.push(`${block.ordered ? `${i + 1}.` : '*'} ${item}`));
        lines.push('');
        break;
      case 'facts':
        block.rows.forEach((row) => lines.push(`${row.label}: ${row.value}`));
        lines.push('');
        break;
      case 'reference':
        lines.push(`${block.label}: ${block.value}`, '');
        break;
      case 'table':
        lines.push(block.caption, block.head.join(' | '), ...block.rows.map((r) => r.join(' | ')), '');
        break;
      case 'address':
        lines.push(...block.lines, '');
        break;
    }
  }
  if (source.webVersionNote) lines.push(source.webVersionNote);
  if (source.credits) lines.push('', source.credits);
  return `${lines.join('\n').trim()}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
