import type { ReactNode } from 'react';
import { classes } from './class-names';

export function Button({
  children,
  variant,
  type = 'submit',
  name,
  value,
  preventDoubleClick = true,
}: {
  children: ReactNode;
  variant?: 'secondary' | 'warning';
  type?: 'submit' | 'button';
  name?: string;
  value?: string;
  preventDoubleClick?: boolean;
}) {
  return (
    <button
      type={type}
      name={name}
      value={value}
      className={classes('govuk-button', variant && `govuk-button--${variant}`)}
      data-module="govuk-button"
      data-prevent-double-click={preventDoubleClick ? 'true' : undefined}
    >
      {children}
    </button>
  );
}

export function ButtonLink({ href, children, variant, start }: { href: string; children: ReactNode; variant?: 'secondary'; start?: boolean }) {
  return (
    <a
      href={href}
      role="button"
      draggable="false"
      className={classes('govuk-button', variant && `govuk-button--${variant}`, start && 'govuk-button--start')}
      data-module="govuk-button"
    >
      {children}
      {start ? (
        <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
      ) : null}
    </a>
  );
}

export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className="govuk-back-link">
      {children}
    </a>
  );
}

export function Panel({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <h1 className="govuk-panel__title">{title}</h1>
      {children ? <div className="govuk-panel__body">{children}</div> : null}
    </div>
  );
}

export type SummaryRow = {
  key: ReactNode;
  value: ReactNode;
  /** A "Change" link back to the question. */
  action?: { href: string; text: ReactNode; visuallyHiddenText: ReactNode };
};

export function SummaryList({ rows, noBorder }: { rows: SummaryRow[]; noBorder?: boolean }) {
  return (
    <dl className={classes('govuk-summary-list', noBorder && 'govuk-summary-list--no-border')}>
      {rows.map((row, i) => (
        <div className={classes('govuk-summary-list__row', !row.action && 'govuk-summary-list__row--no-actions')} key={i}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.action ? (
            <dd className="govuk-summary-list__actions">
              <a className="govuk-link" href={row.action.href}>
                {row.action.text}
                <span className="govuk-visually-hidden"> {row.action.visuallyHiddenText}</span>
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

const TAG_COLOURS = {
  green: 'govuk-tag--green',
  amber: 'govuk-tag--yellow',
  red: 'govuk-tag--red',
  grey: 'govuk-tag--grey',
  blue: 'govuk-tag--blue',
  purple: 'govuk-tag--purple',
} as const;

export function Tag({ colour, children }: { colour?: keyof typeof TAG_COLOURS; children: ReactNode }) {
  return <strong className={classes('govuk-tag', colour && TAG_COLOURS[colour])}>{children}</strong>;
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}

export function WarningText({ children, assistiveText }: { children: ReactNode; assistiveText: string }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{assistiveText}</span>
        {children}
      </strong>
    </div>
  );
}

export function Details({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}

export function NotificationBanner({
  title,
  children,
  success,
}: {
  title: ReactNode;
  children: ReactNode;
  success?: boolean;
}) {
  return (
    <div
      className={classes('govuk-notification-banner', success && 'govuk-notification-banner--success')}
      role={success ? 'alert' : 'region'}
      aria-labelledby="govuk-notification-banner-title"
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="govuk-notification-banner-title">
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}

export type TableColumn = { key: string; header: ReactNode; numeric?: boolean; sortHref?: string; sorted?: 'ascending' | 'descending' };

/** A table with a caption; sortable columns are links (they work without JavaScript) and announce their order. */
export function Table({
  caption,
  columns,
  rows,
  captionSize = 'm',
}: {
  caption: ReactNode;
  columns: TableColumn[];
  rows: Array<Record<string, ReactNode> & { _key: string }>;
  captionSize?: 's' | 'm' | 'l';
}) {
  return (
    <table className="govuk-table">
      <caption className={`govuk-table__caption govuk-table__caption--${captionSize}`}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((c) => (
            <th
              key={c.key}
              scope="col"
              className={classes('govuk-table__header', c.numeric && 'govuk-table__header--numeric')}
              aria-sort={c.sortHref ? (c.sorted ?? 'none') : undefined}
            >
              {c.sortHref ? (
                <a className="govuk-link" href={c.sortHref}>
                  {c.header}
                </a>
              ) : (
                c.header
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row._key}>
            {columns.map((c, i) =>
              i === 0 ? (
                <th key={c.key} scope="row" className="govuk-table__header">
                  {row[c.key]}
                </th>
              ) : (
                <td key={c.key} className={classes('govuk-table__cell', c.numeric && 'govuk-table__cell--numeric')}>
                  {row[c.key]}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Pagination({
  previous,
  next,
  label,
  pages,
}: {
  label: string;
  previous?: { href: string; text: string };
  next?: { href: string; text: string };
  pages?: Array<{ number: number; href: string; current?: boolean }>;
}) {
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {previous ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={previous.href} rel="prev">
            <span className="govuk-pagination__link-title">{previous.text}</span>
          </a>
        </div>
      ) : null}
      {pages && pages.length > 0 ? (
        <ul className="govuk-pagination__list">
          {pages.map((p) => (
            <li key={p.number} className={classes('govuk-pagination__item', p.current && 'govuk-pagination__item--current')}>
              <a className="govuk-link govuk-pagination__link" href={p.href} aria-current={p.current ? 'page' : undefined}>
                {p.number}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {next ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={next.href} rel="next">
            <span className="govuk-pagination__link-title">{next.text}</span>
          </a>
        </div>
      ) : null}
    </nav>
  );
}

/**
 * A complaint's reference, kept on one line wherever it stands (a table cell most of all): it is
 * read out and copied as one, and "CMP-7K3P-" above "9QXA" reads as two.
 */
export function ComplaintReference({ children }: { children: ReactNode }) {
  return <span className="app-reference">{children}</span>;
}
