import { organisation } from '@complaints/content';
import { TextInput } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { detectLanguage, pageTitle, translator } from '../i18n.server';

export const handle = { i18n: ['common', 'backoffice'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const language = await detectLanguage(request);
  const t = translator(language, 'backoffice');
  return data({ title: pageTitle(t, t('signIn.title'), { app: 'backoffice', organisation: organisation.name[language] }) });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function SignIn() {
  const { t } = useTranslation('backoffice');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('signIn.title')}</h1>
        <p className="govuk-body">{t('signIn.lead')}</p>
        <Form method="post" action="/sign-in">
          <TextInput id="email" name="email" type="email" label={t('signIn.email')} autoComplete="username" spellCheck={false} />
          <TextInput id="password" name="password" type="password" label={t('signIn.password')} autoComplete="current-password" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t('signIn.submit')}
          </button>
        </Form>
        <p className="govuk-body">{t('signIn.forgotten')}</p>
        <div className="govuk-inset-text">{t('signIn.notice')}</div>
      </div>
    </div>
  );
}
