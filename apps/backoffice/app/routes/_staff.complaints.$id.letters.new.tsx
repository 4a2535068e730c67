import { WRITTEN_LETTER_KINDS } from '@complaints/domain';
import { BackLink, ErrorSummary, Radios, Textarea } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { markFormErrors } from '../components/access-page.server';
import { attempt, caseworkPage, failureProblems, orRefuse } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';

export const handle = { i18n: ['common', 'casework', 'validation'] };

/** A letter with words of the writer's own inside the national template: holding, closure, or a reply outside the procedure. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await orRefuse(context.services.casework.viewWriteLetter(page.caseworkRequest, params.id ?? ''), page.t);
  return data({ title: page.title(page.t('writeLetter.title')), id: form.complaintId, reference: form.reference, kinds: form.kinds });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const values = { kind: String(form.get('kind') ?? ''), message: String(form.get('message') ?? '') };
  const result = await attempt(context.services.casework.writeLetter(page.caseworkRequest, params.id ?? '', { kind: values.kind || undefined, message: values.message }), page.t);
  if (result.ok) return redirect(`/complaints/${params.id}/letters/${result.value.letterId}?done=written`);
  markFormErrors(context);
  return data({ values, problems: failureProblems(page.t, result) }, { status: result.status });
}

export default function WriteLetter() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const error = (id: string) => result?.problems.find((p) => p.field === id)?.text;
  const errorPrefix = t('common:errorTitlePrefix');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/complaints/${page.id}`}>{t('backToComplaint')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={(result?.problems ?? []).map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <span className="govuk-caption-l">{page.reference}</span>
        <h1 className="govuk-heading-l">{t('writeLetter.title')}</h1>
        <form method="post" noValidate>
          <Radios
            id="kind"
            name="kind"
            legend={t('writeLetter.kind')}
            value={result?.values.kind ?? (page.kinds.length === 1 ? page.kinds[0] : '')}
            error={error('kind')}
            errorPrefix={errorPrefix}
            choices={WRITTEN_LETTER_KINDS.filter((k) => page.kinds.includes(k)).map((k) => ({ value: k, label: t(`writeLetter.kinds.${k}`) }))}
          />
          <Textarea id="message" name="message" label={t('writeLetter.message')} hint={t('writeLetter.messageHint')} defaultValue={result?.values.message ?? ''} error={error('message')} errorPrefix={errorPrefix} rows={8} />
          <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            {t('writeLetter.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
