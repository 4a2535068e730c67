import { WRITTEN_LETTER_KINDS } from '@complaints/domain';
import { Radios, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, caseworkPage, failureProblems, formOutcome, orRefuse } from '../components/casework-page.server';

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
  return formOutcome(context, result, (letter) => `/complaints/${params.id}/letters/${letter.letterId}?done=written`, (failure) => ({ values, problems: failureProblems(page.t, failure) }));
}

export default function WriteLetter() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} title={t('writeLetter.title')} problems={result?.problems}>
      <CaseworkForm submit={t('writeLetter.submit')}>
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
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
