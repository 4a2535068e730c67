import { CASE_NOTE_KINDS } from '@complaints/domain';
import { BackLink, ErrorSummary, FileUpload, Radios, Tag, Textarea } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { markFormErrors } from '../components/access-page.server';
import { attachmentStorage } from '../components/casework-files.server';
import { attempt, caseworkPage, orRefuse } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';
import { fileHint, investigationProblems, readInvestigationForm, tooLargeProblem } from '../components/investigation-form.server';

export const handle = { i18n: ['common', 'casework', 'validation', 'investigation'] };

/** An internal note, or evidence gathered with the document itself: for staff only, never for the complainant. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await orRefuse(context.services.casework.viewMoveForm(page.caseworkRequest, params.id ?? '', 'add_case_note'), page.t);
  return data({ title: page.title(page.t('investigation:notes.title')), id: form.complaintId, reference: form.reference, fileHint: fileHint(page.t) });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const read = await readInvestigationForm(request);
  if (!read.ok) {
    markFormErrors(context);
    return data({ values: { kind: '', text: '' }, problems: [tooLargeProblem(page.t)] }, { status: 400 });
  }
  const { form } = read;
  const values = { kind: form.text('kind'), text: form.text('text') };
  const result = await attempt(context.services.investigation.addCaseNote(attachmentStorage(context), page.caseworkRequest, params.id ?? '', values, form.files), page.t);
  if (result.ok) return redirect(`/complaints/${params.id}?done=moved`);
  markFormErrors(context);
  return data({ values, problems: investigationProblems(page.t, 'notes', result, { fileName: form.files[0]?.name ?? null, submitId: SUBMIT_ID }) }, { status: result.status });
}

export default function AddCaseNote() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['investigation', 'casework', 'common']);
  const error = (id: string) => result?.problems.find((p) => p.field === id)?.text;
  const errorPrefix = t('common:errorTitlePrefix');
  const values = result?.values ?? { kind: '', text: '' };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/complaints/${page.id}`}>{t('casework:backToComplaint')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={(result?.problems ?? []).map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <span className="govuk-caption-l">{page.reference}</span>
        <h1 className="govuk-heading-l">{t('notes.title')}</h1>
        <p className="govuk-body">
          <Tag colour="grey">{t('staffOnly')}</Tag>
        </p>
        <p className="govuk-body">{t('notes.lead')}</p>
        <form method="post" encType="multipart/form-data" noValidate>
          <Radios
            id="kind"
            name="kind"
            legend={t('notes.kind')}
            value={values.kind}
            error={error('kind')}
            errorPrefix={errorPrefix}
            choices={CASE_NOTE_KINDS.map((k) => ({ value: k, label: t(`notes.kinds.${k}`), hint: t(`notes.kindHints.${k}`) }))}
            small
          />
          <Textarea id="text" name="text" label={t('notes.text')} hint={t('notes.textHint')} defaultValue={values.text} error={error('text')} errorPrefix={errorPrefix} rows={8} />
          <FileUpload id="file" name="file" label={t('notes.file')} hint={page.fileHint} error={error('file')} errorPrefix={errorPrefix} />
          <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            {t('notes.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
