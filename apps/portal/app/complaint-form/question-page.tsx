import { BackLink, Button, ErrorSummary } from '@complaints/ui';
import type { HeadersFunction, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { FormField, Honeypot } from './form-fields';
import { HONEYPOT_FIELD, type NoticePageData, type QuestionPageData } from './form-view';
import { NoticePage } from './notice-page';

export const formHandle = { i18n: ['common', 'complain', 'validation'] };

export const formPageMeta: MetaFunction = ({ data }) => [{ title: (data as { title?: string } | undefined)?.title }];

/** What people type in the forms is theirs: never kept by a browser or proxy cache. */
/** Never cached; a post's Retry-After (too many posts) and Connection (a body too large) are kept. */
export const formPageHeaders: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  for (const name of ['Retry-After', 'Connection']) {
    const value = actionHeaders.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
};

/** A question page of a complaint form, rendered from its view: the question as the h1, its fields, Continue. */
export function QuestionPage() {
  const page = useLoaderData() as unknown as QuestionPageData | NoticePageData;
  if (page.view === 'notice') return <NoticePage page={page} />;
  const { chrome } = page;
  return (
    <>
      <BackLink href={chrome.back.href}>{chrome.back.text}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={chrome.errorSummaryTitle} errors={page.errors} />
          {page.picture ? <img className="app-question-picture" src={page.picture.src} alt={page.picture.alt} width={72} height={72} /> : null}
          {page.headingInField ? null : <h1 className="govuk-heading-l">{page.heading}</h1>}
          {page.intro.map((p) => (
            <p className="govuk-body" key={p}>
              {p}
            </p>
          ))}
          {page.links.map((l) => (
            <p className="govuk-body" key={l.href}>
              <a className="govuk-link" href={l.href}>
                {l.text}
              </a>
            </p>
          ))}
          {/* autoComplete off: the browser keeps no memory of the answers to put back into the page
              on Back, or to suggest elsewhere (the device may be shared); fields about the person
              keep their own autocomplete purpose, so they can still be filled in for them. */}
          <form method="post" noValidate autoComplete="off" encType={page.multipart ? 'multipart/form-data' : undefined}>
            {page.defaultContinue ? (
              // The first button of a form is the one Enter presses: Continue, not "Remove point 1".
              <button type="submit" name="intent" value="continue" className="govuk-visually-hidden" tabIndex={-1} aria-hidden="true">
                {chrome.continueText}
              </button>
            ) : null}
            {page.fields.map((field) => (
              <FormField key={field.id} field={field} errorPrefix={chrome.errorPrefix} />
            ))}
            <Honeypot name={HONEYPOT_FIELD} label={chrome.honeypotLabel} />
            <div className="govuk-button-group">
              <Button name="intent" value="continue">
                {chrome.continueText}
              </Button>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
