import { organisation } from '@complaints/content';
import { DOCUMENT_LANGUAGES, PUBLIC_DOCUMENT_IDS } from '@complaints/documents';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ensureDocumentPreview, portalUrlOf, versionKey } from '../components/document-page.server';
import { detectLanguage, pageTitle, translator } from '../i18n.server';

export const handle = { i18n: ['common', 'documents'] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  ensureDocumentPreview(context);
  const language = await detectLanguage(request);
  const t = translator(language, 'documents');
  const portalUrl = portalUrlOf(request, context);
  const rows = await Promise.all(
    PUBLIC_DOCUMENT_IDS.flatMap((id) =>
      DOCUMENT_LANGUAGES.map(async (documentLanguage) => {
        const document = await context.services.documents.publicDocument({ document: id, language: documentLanguage, portalUrl });
        return { id, language: documentLanguage, version: versionKey(id), title: document.source.title, pdfHref: document.pdfPath };
      }),
    ),
  );
  return data({ title: pageTitle(t, t('preview.title'), { app: 'portal', organisation: organisation.name[language] }), rows });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

/** Every leaflet and welcome pack in every language and version, for the people who write them. */
export default function DocumentsPreview() {
  const { rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation('documents');
  return (
    <>
      <h1 className="govuk-heading-l">{t('preview.title')}</h1>
      <p className="govuk-body-l">{t('preview.lead')}</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t('preview.caption')}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {t('preview.document')}
            </th>
            <th scope="col" className="govuk-table__header">
              {t('preview.version')}
            </th>
            <th scope="col" className="govuk-table__header">
              {t('preview.language')}
            </th>
            <th scope="col" className="govuk-table__header">
              {t('preview.sideBySide')}
            </th>
            <th scope="col" className="govuk-table__header">
              {t('preview.pdf')}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => {
            const hidden = { title: row.title, inLanguage: t(`preview.inLanguages.${row.language}`) };
            return (
              <tr className="govuk-table__row" key={`${row.id}-${row.language}`}>
                <td className="govuk-table__cell" lang={row.language}>
                  {row.title}
                </td>
                <td className="govuk-table__cell">{t(`preview.versions.${row.version}`)}</td>
                <td className="govuk-table__cell">{t(`preview.languages.${row.language}`)}</td>
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={`/documents/preview/${row.id}/${row.language}`}>
                    {t('preview.compare')}
                    <span className="govuk-visually-hidden"> {t('preview.compareHidden', hidden)}</span>
                  </a>
                </td>
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={row.pdfHref} type="application/pdf">
                    {t('preview.openPdf')}
                    <span className="govuk-visually-hidden"> {t('preview.openPdfHidden', hidden)}</span>
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
