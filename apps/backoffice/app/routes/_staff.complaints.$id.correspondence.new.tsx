import { CORRESPONDENCE_DIRECTIONS, CORRESPONDENCE_METHODS, dateFromParts, isoDateParts } from '@complaints/domain';
import { BackLink, DateInput, ErrorSummary, FileUpload, Radios, Textarea } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { markFormErrors } from '../components/access-page.server';
import { attachmentStorage } from '../components/casework-files.server';
import { attempt, caseworkPage, orRefuse } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';
import { fileHint, investigationProblems, readInvestigationForm, tooLargeProblem } from '../components/investigation-form.server';

export const handle = { i18n: ['common', 'casework', 'validation', 'investigation'] };

const EMPTY = { direction: '', method: '', day: '', month: '', year: '', summary: '' };

/** A letter, email or call in or out, for the correspondence log: which way, how, when, what it said, and a scan of it. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await orRefuse(context.services.casework.viewMoveForm(page.caseworkRequest, params.id ?? '', 'record_correspondence'), page.t);
  const today = isoDateParts(form.today);
  return data({
    title: page.title(page.t('investigation:correspondence.title')),
    id: form.complaintId,
    reference: form.reference,
    fileHint: fileHint(page.t),
    values: { ...EMPTY, day: String(today.day), month: String(today.month), year: String(today.year) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const read = await readInvestigationForm(request);
  if (!read.ok) {
    markFormErrors(context);
    return data({ values: EMPTY, problems: [tooLargeProblem(page.t)] }, { status: 400 });
  }
  const { form } = read;
  const values = {
    direction: form.text('direction'),
    method: form.text('method'),
    day: form.text('occurredOn.day'),
    month: form.text('occurredOn.month'),
    year: form.text('occurredOn.year'),
    summary: form.text('summary'),
  };
  const input = { direction: values.direction, method: values.method, occurredOn: dateFromParts(values), summary: values.summary };
  const result = await attempt(context.services.investigation.recordCorrespondence(attachmentStorage(context), page.caseworkRequest, params.id ?? '', input, form.files), page.t);
  if (result.ok) return redirect(`/complaints/${params.id}?done=moved`);
  markFormErrors(context);
  return data({ values, problems: investigationProblems(page.t, 'correspondence', result, { fileName: form.files[0]?.name ?? null, submitId: SUBMIT_ID }) }, { status: result.status });
}

export default function RecordCorrespondence() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['investigation', 'casework', 'common']);
  const error = (id: string) => result?.problems.find((p) => p.field === id)?.text;
  const errorPrefix = t('common:errorTitlePrefix');
  const values = result?.values ?? page.values;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/complaints/${page.id}`}>{t('casework:backToComplaint')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={(result?.problems ?? []).map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <span className="govuk-caption-l">{page.reference}</span>
        <h1 className="govuk-heading-l">{t('correspondence.title')}</h1>
        <p className="govuk-body">{t('correspondence.lead')}</p>
        <form method="post" encType="multipart/form-data" noValidate>
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
            choices={CORRESPONDENCE_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
            small
          />
          <DateInput
            id="occurredOn"
            name="occurredOn"
            legend={t('correspondence.occurredOn')}
            hint={t('correspondence.occurredOnHint')}
            value={values}
            error={error('occurredOn')}
            errorPrefix={errorPrefix}
            labels={{ day: t('casework:log.day'), month: t('casework:log.month'), year: t('casework:log.year') }}
          />
          <Textarea id="summary" name="summary" label={t('correspondence.summary')} hint={t('correspondence.summaryHint')} defaultValue={values.summary} error={error('summary')} errorPrefix={errorPrefix} rows={6} />
          <FileUpload id="file" name="file" label={t('correspondence.file')} hint={page.fileHint} error={error('file')} errorPrefix={errorPrefix} />
          <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            {t('correspondence.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
