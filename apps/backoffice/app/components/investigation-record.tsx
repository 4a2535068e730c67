import { SummaryList, Table, Tag } from '@complaints/ui';
import { useTranslation } from 'react-i18next';
import { Paragraphs } from './casework-tags';
import { PublicFileLink } from './public-file-link';
import type { InvestigationSections } from './investigation-record.server';

/**
 * A complaint's investigation record on its page: notes and evidence (staff only, never shown to
 * the complainant), the correspondence log, and corrections to their details, each with the way
 * to add to it when this person may.
 */
export function InvestigationRecord({ record }: { record: InvestigationSections }) {
  const { t } = useTranslation(['investigation', 'casework']);
  const download = (file: { id: string; name: string }) => <PublicFileLink complaintId={record.complaintId} file={file} />;

  return (
    <>
      <section aria-labelledby="notes-heading">
        <h2 className="govuk-heading-m" id="notes-heading">
          {t('record.notesHeading')} <Tag colour="grey">{t('staffOnly')}</Tag>
        </h2>
        {record.notes.length === 0 ? (
          <p className="govuk-body">{t('record.noNotes')}</p>
        ) : (
          <ul className="govuk-list">
            {record.notes.map((note) => (
              <li key={note.id} className="govuk-!-margin-bottom-6" data-note={note.id}>
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{t(`notes.kinds.${note.kind}`)}</h3>
                <p className="govuk-body-s">{note.by}</p>
                <Paragraphs text={note.text} />
                {note.file ? (
                  <p className="govuk-body">
                    {t('record.file')}
                    {download(note.file)}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {record.links.note ? (
          <p className="govuk-body">
            <a className="govuk-link" href={record.links.note}>
              {t('record.addNote')}
            </a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="correspondence-heading">
        <h2 className="govuk-heading-m" id="correspondence-heading">
          {t('record.correspondenceHeading')}
        </h2>
        {record.correspondence.length === 0 ? (
          <p className="govuk-body">{t('record.noCorrespondence')}</p>
        ) : (
          <Table
            caption={t('record.correspondenceCaption')}
            captionSize="s"
            columns={[
              { key: 'date', header: t('record.columns.date') },
              { key: 'what', header: t('record.columns.what') },
              { key: 'summary', header: t('record.columns.summary') },
              { key: 'by', header: t('record.columns.recordedBy') },
              { key: 'file', header: t('record.columns.file') },
            ]}
            rows={record.correspondence.map((c) => ({
              _key: c.id,
              date: c.date,
              what: (
                <>
                  {c.way}
                  {c.addsInformation ? (
                    <span className="govuk-!-display-block govuk-!-margin-top-1">
                      <Tag colour="blue">{t('record.addsInformation')}</Tag>
                    </span>
                  ) : null}
                </>
              ),
              summary: <Paragraphs text={c.summary} />,
              by: c.by,
              file: c.file ? download(c.file) : t('record.noFile'),
            }))}
          />
        )}
        {record.links.correspondence ? (
          <p className="govuk-body">
            <a className="govuk-link" href={record.links.correspondence}>
              {t('record.addCorrespondence')}
            </a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="corrections-heading">
        <h2 className="govuk-heading-m" id="corrections-heading">
          {t('record.correctionsHeading')}
        </h2>
        {record.corrections.length === 0 ? (
          <p className="govuk-body">{t('record.noCorrections')}</p>
        ) : (
          <>
            {record.corrections.map((c) => (
              <div key={c.id} className="govuk-!-margin-bottom-6" data-correction={c.id}>
                <h3 className="govuk-heading-s">{c.by}</h3>
                <SummaryList
                  rows={[
                    { key: t('record.changed'), value: c.fields },
                    { key: t('record.why'), value: <Paragraphs text={c.reason} /> },
                  ]}
                />
                {c.values ? (
                  <Table
                    caption={t('record.correctionCaption')}
                    captionSize="s"
                    columns={[
                      { key: 'field', header: t('record.field') },
                      { key: 'was', header: t('record.was') },
                      { key: 'now', header: t('record.now') },
                    ]}
                    rows={c.values.map((v, i) => ({ _key: String(i), field: v.field, was: <Paragraphs text={v.was} />, now: <Paragraphs text={v.now} /> }))}
                  />
                ) : null}
              </div>
            ))}
            {record.readsReplacedDetails ? null : <p className="govuk-body-s">{t('record.valuesHidden')}</p>}
          </>
        )}
        {record.links.correction ? (
          <p className="govuk-body">
            <a className="govuk-link" href={record.links.correction}>
              {t('record.correct')}
            </a>
          </p>
        ) : null}
      </section>
    </>
  );
}
