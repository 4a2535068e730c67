import { startClientI18n } from '@complaints/i18n/client';
import { RemixBrowser } from '@remix-run/react';
import { type ReactNode, StrictMode, startTransition, useEffect } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';

/**
 * Marks the document once React has taken it over (`<html data-hydrated>`): effects run only after
 * hydration commits, so from then on the page's controls are React's.
 */
function MarkHydrated({ children }: { children: ReactNode }) {
  useEffect(() => {
    document.documentElement.dataset.hydrated = '';
  }, []);
  return children;
}

/** Hydrates the page once the words it uses have arrived. Shared by both apps. */
export async function hydratePage(): Promise<void> {
  const version = (window as unknown as { __remixManifest?: { version?: string } }).__remixManifest?.version ?? 'dev';
  const i18n = await startClientI18n(version);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18n}>
        <StrictMode>
          <MarkHydrated>
            <RemixBrowser />
          </MarkHydrated>
        </StrictMode>
      </I18nextProvider>,
    );
  });
}
