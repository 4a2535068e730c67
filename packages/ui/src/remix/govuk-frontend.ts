import { useLocation } from '@remix-run/react';
import { useEffect } from 'react';

/**
 * Starts GOV.UK Frontend's button script on the page once React has it (`govuk-frontend-buttons.ts`
 * says what it does and why only that one). It is loaded as its own hashed file from our origin (allowed
 * by the CSP's 'self'), after hydration, so it never changes what React is about to take over.
 *
 * It runs again after each navigation in the browser, for the new page's components; one already
 * started is left alone (GOV.UK Frontend refuses to start a component twice, which is expected
 * here). Any other failure is left to surface. Without JavaScript the pages work as they are.
 */
export function useGovukFrontend(): void {
  const location = useLocation();
  useEffect(() => {
    let cancelled = false;
    void import('./govuk-frontend-buttons').then(({ startGovukButtons }) => {
      if (cancelled) return;
      startGovukButtons((error) => {
        if (error instanceof Error && (error.name === 'InitError' || error.name === 'SupportError')) return;
        throw error;
      });
    });
    return () => {
      cancelled = true;
    };
  }, [location.key]);
}
