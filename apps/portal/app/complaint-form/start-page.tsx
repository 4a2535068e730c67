import { ButtonLink } from '@complaints/ui';
import { useLoaderData } from '@remix-run/react';
import type { StartPageData } from './form-view';

/** A GOV.UK start page for a complaint form. */
export function StartPage() {
  const page = useLoaderData() as unknown as StartPageData;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{page.heading}</h1>
        <p className="govuk-body-l">{page.lead}</p>
        <h2 className="govuk-heading-m">{page.beforeHeading}</h2>
        <ul className="govuk-list govuk-list--bullet">
          {page.before.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
        <p className="govuk-body">{page.saved}</p>
        <ButtonLink href={page.start.href} start>
          {page.start.text}
        </ButtonLink>
        <h2 className="govuk-heading-m">{page.courtHeading}</h2>
        <p className="govuk-body">{page.court}</p>
        <p className="govuk-body">
          {page.otherForm.intro}{' '}
          <a className="govuk-link" href={page.otherForm.href}>
            {page.otherForm.text}
          </a>
        </p>
        <p className="govuk-body">{page.otherWays}</p>
      </div>
    </div>
  );
}
