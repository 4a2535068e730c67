import { organisation } from '@complaints/content';
import type { AppLoadContext } from '@remix-run/node';
import type { TFunction } from 'i18next';
import { detectLanguage, pageTitle, translator } from '../i18n.server';

/**
 * Page titles for the staff pages, "Error: " first when the page shows errors (WCAG 2.4.2, the
 * GOV.UK pattern). Forms post as whole pages (they work without JavaScript), so the action and
 * the loaders of one request share its load context: an action that finds errors marks the
 * context, and the loader that runs after it titles the page accordingly.
 */
const withErrors = new WeakSet<AppLoadContext>();

export function markFormErrors(context: AppLoadContext): void {
  withErrors.add(context);
}

export async function accessPage(request: Request, context: AppLoadContext, namespace = 'staff-access') {
  const language = await detectLanguage(request);
  const t = translator(language, namespace);
  return {
    language,
    t,
    title: (heading: string) => titleFor(t, heading, language, withErrors.has(context)),
  };
}

function titleFor(t: TFunction, heading: string, language: 'en' | 'cy', hasErrors: boolean): string {
  return pageTitle(t, heading, { app: 'backoffice', organisation: organisation.name[language], hasErrors });
}
