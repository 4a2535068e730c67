import { startClientI18n } from '@complaints/i18n/client';
import { RemixBrowser } from '@remix-run/react';
import { StrictMode, startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';

/** Hydrates the page once the words it uses have arrived. Shared by both apps. */
export async function hydratePage(): Promise<void> {
  const version = (window as unknown as { __remixManifest?: { version?: string } }).__remixManifest?.version ?? 'dev';
  const i18n = await startClientI18n(version);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18n}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}
