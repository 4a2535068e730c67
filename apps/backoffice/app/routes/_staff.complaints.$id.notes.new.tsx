import { REFUSED_BODY_HEADERS } from '@complaints/http/bounded-body';
import { CASE_NOTE_KINDS } from '@complaints/domain';
import { FileUpload, Radios, Tag, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { attachmentStorage } from '../components/casework-files.server';
import { SUBMIT_ID } from '../components/casework-form';
import { CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, backOnComplaint, caseworkPage, formAgain, formOutcome, orRefuse } from '../components/casework-page.server';
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
  if (!read.ok) return formAgain(context, { values: { kind: '', text: '' }, problems: [tooLargeProblem(page.t)] }, 413, REFUSED_BODY_HEADERS);
  const { form } = read;
  const values = { kind: form.text('kind'), text: form.text('text') };
  const result = await attempt(context.services.investigation.addCaseNote(attachmentStorage(context), page.caseworkRequest, params.id ?? '', values, form.files), page.t);
  return formOutcome(context, result, backOnComplaint(params.id), (failure) => ({
    values,
    problems: investigationProblems(page.t, 'notes', failure, { fileName: form.files[0]?.name ?? null, submitId: SUBMIT_ID }),
  }));
}

export default function AddCaseNote() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['investigation', 'casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  const values = result?.values ?? { kind: '', text: '' };
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} title={t('notes.title')} problems={result?.problems}>
      <p className="govuk-body">
        <Tag colour="grey">{t('staffOnly')}</Tag>
      </p>
      <p className="govuk-body">{t('notes.lead')}</p>
      <CaseworkForm submit={t('notes.submit')} withFile>
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
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
