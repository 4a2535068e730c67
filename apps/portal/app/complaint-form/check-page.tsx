import { BackLink, BreakableText, Button } from '@complaints/ui';
import { useLoaderData } from '@remix-run/react';
import { Honeypot } from './form-fields';
import { type CheckPageData, HONEYPOT_FIELD, type NoticePageData } from './form-view';
import { NoticePage } from './notice-page';

/** "Check your answers" in the GOV.UK pattern, and the button that sends the complaint. */
export function CheckPage() {
  const page = useLoaderData() as unknown as CheckPageData | NoticePageData;
  if (page.view === 'notice') return <NoticePage page={page} />;
  return (
    <>
      <BackLink href={page.back.href}>{page.back.text}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{page.heading}</h1>
          <dl className="govuk-summary-list govuk-!-margin-bottom-9">
            {page.rows.map((row, i) => (
              <div className="govuk-summary-list__row" key={i}>
                <dt className="govuk-summary-list__key">{row.key}</dt>
                <dd className="govuk-summary-list__value">
                  {row.lines.map((line, j) => (
                    <span key={j} className="app-answer-line">
                      <BreakableText text={line} />
                      {j < row.lines.length - 1 ? <br /> : null}
                    </span>
                  ))}
                </dd>
                <dd className="govuk-summary-list__actions">
                  <a className="govuk-link" href={row.change.href}>
                    {row.change.text}
                    <span className="govuk-visually-hidden"> {row.change.hidden}</span>
                  </a>
                </dd>
              </div>
            ))}
          </dl>
          <h2 className="govuk-heading-m">{page.sendHeading}</h2>
          <p className="govuk-body">{page.sendBody}</p>
          <form method="post" noValidate>
            <input type="hidden" name="formKey" value={page.formKey} />
            <Honeypot name={HONEYPOT_FIELD} label={page.honeypotLabel} />
            <Button>{page.sendText}</Button>
          </form>
        </div>
      </div>
    </>
  );
}
