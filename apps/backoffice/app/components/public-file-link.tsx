import { useTranslation } from 'react-i18next';

/**
 * The link to download a file sent to us, with a short warning beside it (tied to the link for
 * screen readers) that the file came from the public and opens outside this service.
 */
export function PublicFileLink({ complaintId, file }: { complaintId: string; file: { id: string; name: string } }) {
  const { t } = useTranslation('casework');
  const hintId = `file-warning-${file.id}`;
  return (
    <>
      <a className="govuk-link" href={`/complaints/${complaintId}/attachments/${file.id}`} download aria-describedby={hintId}>
        {file.name}
      </a>
      <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-display-block" id={hintId} data-file-warning="">
        {t('case.publicFileWarning')}
      </span>
    </>
  );
}
