import { Button, Panel } from '@complaints/ui';
import { useLoaderData } from '@remix-run/react';
import type { ConfirmationPageData, NoticePageData } from './form-view';
import { NoticePage } from './notice-page';

/** The GOV.UK confirmation page: the reference large in the panel, then what happens next. */
export function ConfirmationPage() {
  const page = useLoaderData() as unknown as ConfirmationPageData | NoticePageData;
  if (page.view === 'notice') return <NoticePage page={page} />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title={page.panelTitle}>
          {page.referenceLabel}
          <br />
          <strong className="app-reference-to-keep" data-reference>
            {page.reference}
          </strong>
        </Panel>
        {page.emailSent ? <p className="govuk-body">{page.emailSent}</p> : null}
        <p className="govuk-body">{page.keepReference}</p>
        <h2 className="govuk-heading-m">{page.nextHeading}</h2>
        {page.next.map((p) => (
          <p className="govuk-body" key={p}>
            {p}
          </p>
        ))}
        <h2 className="govuk-heading-m">{page.trackHeading}</h2>
        <p className="govuk-body">{page.track}</p>
        <p className="govuk-body">{page.contact}</p>
        <h2 className="govuk-heading-m">{page.receiptHeading}</h2>
        <p className="govuk-body">
          <a className="govuk-link" href={page.receipt.href}>
            {page.receipt.text}
          </a>
        </p>
        <h2 className="govuk-heading-m">{page.remove.heading}</h2>
        <p className="govuk-body">{page.remove.body}</p>
        <form method="post">
          <Button variant="secondary">{page.remove.button}</Button>
        </form>
      </div>
    </div>
  );
}
