import type { NoticePageData } from './form-view';

/** A calm page in place of a form: please wait, thank you, too much at once, answers deleted. */
export function NoticePage({ page }: { page: NoticePageData }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{page.heading}</h1>
        {page.paragraphs.map((p) => (
          <p className="govuk-body" key={p}>
            {p}
          </p>
        ))}
        {page.link ? (
          <p className="govuk-body">
            <a className="govuk-link" href={page.link.href}>
              {page.link.text}
            </a>
          </p>
        ) : null}
      </div>
    </div>
  );
}
