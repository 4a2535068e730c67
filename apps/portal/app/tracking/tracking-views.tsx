import { BackLink, Button, ErrorSummary, FileUpload, NotificationBanner, Radios, SummaryList, Textarea, TextInput } from '@complaints/ui';
import type { HeadersFunction, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { NoticePage } from '../complaint-form/notice-page';
import type { FormPageView, LetterView, StatusView, TrackingField, TrackingForm, TrackingView } from './tracking-view';

export const trackingHandle = { i18n: ['common', 'tracking'] };

export const trackingMeta: MetaFunction = ({ data }) => [{ title: (data as { title?: string } | undefined)?.title }];

/** Nothing about a complaint is kept by a browser or a proxy: Back after signing out shows nothing. */
export const trackingHeaders: HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

function Field({ field, errorPrefix }: { field: TrackingField; errorPrefix: string }) {
  switch (field.kind) {
    case 'hidden':
      return <input type="hidden" name={field.name} value={field.value} />;
    case 'text':
      return (
        <TextInput
          id={field.id}
          name={field.name}
          label={field.label}
          isPageHeading={field.labelIsHeading}
          hint={field.hint}
          error={field.error}
          errorPrefix={errorPrefix}
          defaultValue={field.value}
          autoComplete={field.autoComplete}
          inputMode={field.inputMode}
          spellCheck={false}
          widthClass={field.width}
        />
      );
    case 'textarea':
      return <Textarea id={field.id} name={field.name} label={field.label} hint={field.hint} error={field.error} errorPrefix={errorPrefix} defaultValue={field.value} rows={6} />;
    case 'files':
      return <FileUpload id={field.id} name={field.name} label={field.label} hint={field.hint} error={field.error} errorPrefix={errorPrefix} multiple />;
    case 'radios':
      return (
        <Radios
          id={field.id}
          name={field.name}
          legend={field.legend}
          error={field.error}
          errorPrefix={errorPrefix}
          value={field.value}
          inline={field.inline}
          small
          choices={field.choices.map((c) => ({ value: c.value, label: c.label }))}
        />
      );
    default:
      return null;
  }
}

function Form({ form, errorPrefix }: { form: TrackingForm; errorPrefix: string }) {
  return (
    <form method="post" action={form.action} noValidate encType={form.multipart ? 'multipart/form-data' : undefined}>
      {form.fields.map((field, i) => (
        <Field key={'id' in field ? field.id : `${field.name}-${i}`} field={field} errorPrefix={errorPrefix} />
      ))}
      <div className="govuk-button-group">
        <Button name={form.submit.name} value={form.submit.value} variant={form.submit.warning ? 'warning' : undefined}>
          {form.submit.text}
        </Button>
        {form.cancel ? (
          <a className="govuk-link" href={form.cancel.href}>
            {form.cancel.text}
          </a>
        ) : null}
      </div>
    </form>
  );
}

function FormPage({ page }: { page: FormPageView }) {
  return (
    <>
      {page.back ? <BackLink href={page.back.href}>{page.back.text}</BackLink> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={page.errorSummaryTitle} errors={page.errors} />
          {page.banner ? (
            <NotificationBanner title={page.banner.title}>
              <p className="govuk-notification-banner__heading">{page.banner.text}</p>
            </NotificationBanner>
          ) : null}
          {page.caption ? <span className="govuk-caption-l">{page.caption}</span> : null}
          <h1 className="govuk-heading-l">{page.heading}</h1>
          {page.paragraphs.map((p) => (
            <p className="govuk-body" key={p}>
              {p}
            </p>
          ))}
          {page.form ? <Form form={page.form} errorPrefix={page.errorPrefix} /> : null}
          {page.sections.map((section, i) => (
            <div key={section.heading ?? i}>
              {section.heading ? <h2 className="govuk-heading-m">{section.heading}</h2> : null}
              {(section.paragraphs ?? []).map((p) => (
                <p className="govuk-body" key={p}>
                  {p}
                </p>
              ))}
              {section.form ? <Form form={section.form} errorPrefix={page.errorPrefix} /> : null}
              {(section.links ?? []).map((l) => (
                <p className="govuk-body" key={l.href}>
                  <a className="govuk-link" href={l.href}>
                    {l.text}
                  </a>
                </p>
              ))}
            </div>
          ))}
        </div>
      </div>
    </>
  );
}

function StatusPage({ page }: { page: StatusView }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {page.banner ? (
          <NotificationBanner title={page.banner.title} success>
            <p className="govuk-notification-banner__heading">{page.banner.text}</p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">
          {page.reference.label} {page.reference.value}
        </span>
        <h1 className="govuk-heading-l">{page.heading}</h1>
        <h2 className="govuk-heading-m">{page.progress.heading}</h2>
        {page.progress.paragraphs.map((p) => (
          <p className="govuk-body" key={p}>
            {p}
          </p>
        ))}
        <h2 className="govuk-heading-m">{page.manager.heading}</h2>
        {page.manager.paragraphs.map((p) => (
          <p className="govuk-body" key={p}>
            {p}
          </p>
        ))}
        {page.actions.links.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{page.actions.heading}</h2>
            <ul className="govuk-list">
              {page.actions.links.map((l) => (
                <li key={l.href}>
                  <a className="govuk-link" href={l.href}>
                    {l.text}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2 className="govuk-heading-m">{page.points.heading}</h2>
        {page.points.items.map((point) => (
          <div key={point.heading} className="app-tracked-point">
            <h3 className="govuk-heading-s">{point.heading}</h3>
            <p className="govuk-body app-point-text">{point.text}</p>
            {point.answer ? (
              <>
                <p className="govuk-body govuk-!-font-weight-bold">{point.answer.decision}</p>
                {point.answer.rows.length > 0 ? <SummaryList rows={point.answer.rows} /> : null}
                {point.answer.actions ? (
                  <>
                    <h4 className="govuk-heading-s">{point.answer.actions.heading}</h4>
                    <ul className="govuk-list govuk-list--bullet">
                      {point.answer.actions.items.map((a) => (
                        <li key={a}>{a}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </>
            ) : (
              <p className="govuk-body govuk-hint">{point.notAnswered}</p>
            )}
          </div>
        ))}
        <h2 className="govuk-heading-m">{page.letters.heading}</h2>
        {page.letters.items.length === 0 ? <p className="govuk-body">{page.letters.none}</p> : null}
        <ul className="govuk-list">
          {page.letters.items.map((l) => (
            <li key={l.href}>
              <a className="govuk-link" href={l.href}>
                {l.text}
              </a>{' '}
              <span className="govuk-hint govuk-!-display-inline">{l.sent}</span> ·{' '}
              <a className="govuk-link" href={l.pdf.href} type="application/pdf">
                {l.pdf.text}
              </a>
            </li>
          ))}
        </ul>
        <h2 className="govuk-heading-m">{page.timeline.heading}</h2>
        <ol className="govuk-list app-tracking-timeline">
          {page.timeline.items.map((e, i) => (
            <li key={`${e.dateTime}-${i}`}>
              <time dateTime={e.dateTime} className="govuk-body-s govuk-!-font-weight-bold">
                {e.date}
              </time>
              <p className="govuk-body govuk-!-margin-bottom-1">{e.text}</p>
              {e.detail ? <p className="govuk-body-s">{e.detail}</p> : null}
            </li>
          ))}
        </ol>
        <form method="post" action={page.signOut.action}>
          <Button variant="secondary">{page.signOut.text}</Button>
        </form>
      </div>
    </div>
  );
}

function LetterPage({ page }: { page: LetterView }) {
  return (
    <>
      <BackLink href={page.back.href}>{page.back.text}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{page.heading}</h1>
          <p className="govuk-body">
            <a className="govuk-link" href={page.pdf.href} type="application/pdf">
              {page.pdf.text}
            </a>
          </p>
          {/* Made by the one renderer from the same source as the PDF, on the server. */}
          <div className="app-document" dangerouslySetInnerHTML={{ __html: page.html }} />
        </div>
      </div>
    </>
  );
}

/** Every tracking page: what the action returned when there was one (a form sent back with its problems), else what the loader made. */
export function TrackingPage() {
  const loaded = useLoaderData() as unknown as TrackingView;
  const acted = useActionData() as unknown as TrackingView | undefined;
  const page = acted ?? loaded;
  switch (page.view) {
    case 'form':
      return <FormPage page={page} />;
    case 'notice':
      return <NoticePage page={page} />;
    case 'status':
      return <StatusPage page={page} />;
    case 'letter':
      return <LetterPage page={page} />;
    default:
      return null;
  }
}
