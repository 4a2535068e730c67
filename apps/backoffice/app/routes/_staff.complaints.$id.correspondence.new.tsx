import { REFUSED_BODY_HEADERS } from '@complaints/http/bounded-body';
import { CORRESPONDENCE_DIRECTIONS, STAFF_RECORDED_METHODS, dateFromParts } from '@complaints/domain';
import { FileUpload, Radios, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { attachmentStorage } from '../components/casework-files.server';
import { SUBMIT_ID } from '../components/casework-form';
import { CaseworkDateInput, CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, backOnComplaint, caseworkPage, dateBoxes, formAgain, formOutcome, orRefuse, sentDateBoxes } from '../components/casework-page.server';
import { fileHint, investigationProblems, readInvestigationForm, tooLargeProblem } from '../components/investigation-form.server';

export const handle = { i18n: ['common', 'casework', 'validation', 'investigation'] };

const EMPTY = { direction: '', method: '', day: '', month: '', year: '', summary: '' };

/** A letter, email or call in or out, for the correspondence log: which way, how, when, what it said, and a scan of it. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await orRefuse(context.services.casework.viewMoveForm(page.caseworkRequest, params.id ?? '', 'record_correspondence'), page.t);
  return data({
    title: page.title(page.t('investigation:correspondence.title')),
    id: form.complaintId,
    reference: form.reference,
    fileHint: fileHint(page.t),
    values: { ...EMPTY, ...dateBoxes(form.today) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const read = await readInvestigationForm(request);
  if (!read.ok) return formAgain(context, { values: EMPTY, problems: [tooLargeProblem(page.t)] }, 413, REFUSED_BODY_HEADERS);
  const { form } = read;
  const values = { direction: form.text('direction'), method: form.text('method'), ...sentDateBoxes(form, 'occurredOn'), summary: form.text('summary') };
  const input = { direction: values.direction, method: values.method, occurredOn: dateFromParts(values), summary: values.summary };
  const result = await attempt(context.services.investigation.recordCorrespondence(attachmentStorage(context), page.caseworkRequest, params.id ?? '', input, form.files), page.t);
  return formOutcome(context, result, backOnComplaint(params.id), (failure) => ({
    values,
    problems: investigationProblems(page.t, 'correspondence', failure, { fileName: form.files[0]?.name ?? null, submitId: SUBMIT_ID }),
  }));
}

export default function RecordCorrespondence() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['investigation', 'casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  const values = result?.values ?? page.values;
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} title={t('correspondence.title')} problems={result?.problems}>
      <p className="govuk-body">{t('correspondence.lead')}</p>
      <CaseworkForm submit={t('correspondence.submit')} withFile>
        <Radios
          id="direction"
          name="direction"
          legend={t('correspondence.direction')}
          value={values.direction}
          error={error('direction')}
          errorPrefix={errorPrefix}
          choices={CORRESPONDENCE_DIRECTIONS.map((d) => ({ value: d, label: t(`directions.${d}`) }))}
          small
        />
        <Radios
          id="method"
          name="method"
          legend={t('correspondence.method')}
          value={values.method}
          error={error('method')}
          errorPrefix={errorPrefix}
          choices={STAFF_RECORDED_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
          small
        />
        <CaseworkDateInput id="occurredOn" legend={t('correspondence.occurredOn')} hint={t('correspondence.occurredOnHint')} value={values} error={error('occurredOn')} errorPrefix={errorPrefix} />
        <Textarea id="summary" name="summary" label={t('correspondence.summary')} hint={t('correspondence.summaryHint')} defaultValue={values.summary} error={error('summary')} errorPrefix={errorPrefix} rows={6} />
        <FileUpload id="file" name="file" label={t('correspondence.file')} hint={page.fileHint} error={error('file')} errorPrefix={errorPrefix} />
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
