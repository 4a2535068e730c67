import { organisation } from '@complaints/content';
import { isDocumentLanguage, isPublicDocumentId } from '@complaints/documents';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { documentHtml, ensureDocumentPreview, portalUrlOf, versionKey } from '../components/document-page.server';
import { detectLanguage, pageTitle, translator } from '../i18n.server';

export const handle = { i18n: ['common', 'documents'] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  ensureDocumentPreview(context);
  if (!isPublicDocumentId(params.document) || !isDocumentLanguage(params.language)) throw new Response('Not found', { status: 404 });
  const language = await detectLanguage(request);
  const t = translator(language, 'documents');
  const preview = await context.services.documents.previewPublicDocument({
    document: params.document,
    language: params.language,
    portalUrl: portalUrlOf(request, context),
  });
  const { document } = preview;
  return data({
    title: pageTitle(t, `${document.source.title} (${t(`preview.languages.${params.language}`)})`, { app: 'portal', organisation: organisation.name[language] }),
    heading: document.source.title,
    documentLanguage: params.language,
    version: versionKey(params.document),
    html: documentHtml(document, { skipTitle: true, headingOffset: 1 }),
    credits: document.source.credits ?? null,
    pdfHref: document.pdfPath,
    pdf: { ...preview.pdf, milliseconds: Math.round(preview.pdf.milliseconds) },
    fingerprint: document.fingerprint,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

/** One document's web page and PDF side by side. */
export default function DocumentPreview() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation('documents');
  const rows: Array<[string, string]> = [
    [t('preview.facts.title'), page.pdf.title ?? ''],
    [t('preview.facts.language'), page.pdf.language ?? ''],
    [t('preview.facts.pages'), String(page.pdf.pages)],
    [t('preview.facts.size'), t('preview.sizeValue', { kilobytes: Math.round(page.pdf.bytes / 1024) })],
    [t('preview.facts.renderTime'), page.pdf.cached ? t('preview.renderTimeCached') : t('preview.renderTimeValue', { milliseconds: page.pdf.milliseconds })],
    [t('preview.facts.fingerprint'), page.fingerprint],
  ];
  return (
    <>
      <p className="govuk-body">
        <a className="govuk-back-link" href="/documents/preview">
          {t('preview.back')}
        </a>
      </p>
      <span className="govuk-caption-l">
        {t(`preview.versions.${page.version}`)} · {t(`preview.languages.${page.documentLanguage}`)}
      </span>
      <h1 className="govuk-heading-l" lang={page.documentLanguage}>
        {page.heading}
      </h1>
      <div className="govuk-grid-row">
        <section className="govuk-grid-column-one-half" aria-labelledby="web-heading">
          <h2 className="govuk-heading-m" id="web-heading">
            {t('preview.webHeading')}
          </h2>
          {/* The same markup as the live page, headings one level down under this section's. */}
          <div className="app-document" lang={page.documentLanguage} dangerouslySetInnerHTML={{ __html: page.html }} />
          {page.credits ? (
            <p className="govuk-body-s app-document-credits" lang={page.documentLanguage}>
              {page.credits}
            </p>
          ) : null}
        </section>
        <section className="govuk-grid-column-one-half" aria-labelledby="pdf-heading">
          <h2 className="govuk-heading-m" id="pdf-heading">
            {t('preview.pdfHeading')}
          </h2>
          <p className="govuk-body">{t('preview.pdfIntro')}</p>
          <dl className="govuk-summary-list">
            {rows.map(([key, value]) => (
              <div className="govuk-summary-list__row" key={key}>
                <dt className="govuk-summary-list__key">{key}</dt>
                <dd className="govuk-summary-list__value">{value}</dd>
              </div>
            ))}
          </dl>
          <p className="govuk-body">
            <a className="govuk-link" href={page.pdfHref} type="application/pdf">
              {t('preview.openPdf')}
            </a>
          </p>
        </section>
      </div>
    </>
  );
}
