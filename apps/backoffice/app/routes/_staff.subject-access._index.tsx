import { ErrorSummary, TextInput } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireStaff } from '../auth.server';
import { accessPage, markFormErrors } from '../components/access-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

const query = z.object({ reference: z.string().max(64).default(''), missing: z.string().max(8).optional() });

/**
 * A subject access export for national office: a complaint's reference in, a ZIP of everything held
 * about its complainant out (from /subject-access/export, which asks for the password first).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context, { capability: 'export_subject_access' });
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const typed = parsed.success ? parsed.data : { reference: '', missing: undefined };
  if (typed.missing) markFormErrors(context);
  const { t, title } = await accessPage(request, context);
  return data({ title: title(t('subjectAccess.title')), reference: typed.reference, missing: Boolean(typed.missing) });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function SubjectAccess() {
  const { t } = useTranslation(['staff-access', 'common']);
  const page = useLoaderData<typeof loader>();
  const error = page.missing ? t('subjectAccess.errors.notFound') : undefined;
  return (
    <>
      <ErrorSummary title={t('common:errorSummaryTitle')} errors={error ? [{ href: '#reference', text: error }] : []} />
      <h1 className="govuk-heading-l">{t('subjectAccess.title')}</h1>
      <p className="govuk-body">{t('subjectAccess.lead')}</p>
      <p className="govuk-body">{t('subjectAccess.rule')}</p>
      <p className="govuk-body">{t('subjectAccess.contents')}</p>
      <form method="get" action="/subject-access/export" noValidate>
        <TextInput id="reference" name="reference" label={t('subjectAccess.reference')} autoComplete="off" spellCheck={false} defaultValue={page.reference} error={error} errorPrefix={t('common:errorTitlePrefix')} />
        <p className="govuk-body">{t('subjectAccess.hint')}</p>
        <button type="submit" className="govuk-button" data-module="govuk-button">{t('subjectAccess.download')}</button>
      </form>
    </>
  );
}
