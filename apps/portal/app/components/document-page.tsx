import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { documentPageLoader } from './document-page.server';

type Loader = ReturnType<typeof documentPageLoader>;

export const documentPageHandle = { i18n: ['common', 'documents', 'portal'] };

export const documentPageMeta: MetaFunction<Loader> = ({ data: page }) => [{ title: page?.title }];

/** A leaflet or welcome pack as a web page: the accessible version of the printed document. */
export function DocumentPage() {
  const page = useLoaderData<Loader>();
  const { t } = useTranslation(['documents', 'portal']);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{page.heading}</h1>
        <p className="govuk-body govuk-!-margin-bottom-1">
          <a className="govuk-link" href={page.pdfHref} type="application/pdf">
            {t(page.kind === 'leaflet' ? 'documents:page.pdfLink.leaflet' : 'documents:page.pdfLink.welcomePack')}
          </a>
        </p>
        <p className="govuk-body-s govuk-!-margin-bottom-6">{t('documents:page.pdfHint')}</p>
        {/* Made by the one renderer from the same source as the PDF (DocumentBlocks), on the server. */}
        <div className="app-document" dangerouslySetInnerHTML={{ __html: page.html }} />
        {/* The picture set's licence asks for its credit wherever its pictures are shown. */}
        {page.credits ? <p className="govuk-body-s app-document-credits">{page.credits}</p> : null}
      </div>
      <div className="govuk-grid-column-one-third">
        <div className="app-related-items">
          <h2 className="govuk-heading-m" id="related-heading">
            {t('documents:page.relatedHeading')}
          </h2>
          <nav aria-labelledby="related-heading">
            <ul className="govuk-list">
              {page.related.map((link) => (
                <li key={link.href}>
                  <a className="govuk-link" href={link.href}>
                    {t(`portal:home.links.${link.key}.title`)}
                  </a>
                </li>
              ))}
              <li>
                <a className="govuk-link" href="/">
                  {t('portal:home.title')}
                </a>
              </li>
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}
