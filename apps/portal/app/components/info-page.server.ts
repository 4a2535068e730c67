import { organisation } from '@complaints/content';
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { detectLanguage, pageTitle, translator } from '../i18n.server';

type Section = { heading: string; paragraphs: string[] };

/** The loader of an information page: its words from the `pages` namespace, in the page's language. */
export function infoPageLoader(key: 'accessibility' | 'privacy' | 'cookies') {
  return async ({ request }: LoaderFunctionArgs) => {
    const language = await detectLanguage(request);
    const t = translator(language, 'pages');
    const values = { phone: organisation.contact.phone, email: organisation.contact.email, organisation: organisation.name[language] };
    const heading = t(`${key}.title`);
    const sections = t(`${key}.sections`, { returnObjects: true, ...values }) as Section[];
    return data({
      title: pageTitle(t, heading, { app: 'portal', organisation: organisation.name[language] }),
      heading,
      sections,
    });
  };
}

