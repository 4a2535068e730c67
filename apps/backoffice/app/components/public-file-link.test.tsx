import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInstance } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { PublicFileLink } from './public-file-link';

const locales = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../content/locales');
const casework = (language: string) => JSON.parse(readFileSync(path.join(locales, language, 'casework.json'), 'utf8')) as { case: { publicFileWarning: string } };

async function render(language: 'en' | 'cy') {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ lng: language, ns: ['casework'], resources: { [language]: { casework: casework(language) } } });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <PublicFileLink complaintId="c1" file={{ id: 'f1', name: 'letter.txt' }} />
    </I18nextProvider>,
  );
}

describe('the link to a file from the public', () => {
  it('warns, in English and Welsh, that the file came from the public and opens outside the service, tied to the link', async () => {
    const english = await render('en');
    expect(english).toContain('href="/complaints/c1/attachments/f1"');
    expect(english).toContain('aria-describedby="file-warning-f1"');
    expect(english).toMatch(/id="file-warning-f1"[^>]*>From the public: it opens outside this service\./);
    const welsh = await render('cy');
    expect(welsh).toContain("Gan y cyhoedd: mae&#x27;n agor y tu allan i&#x27;r gwasanaeth hwn.");
  });
});
