/// <reference path="./govuk-frontend-module.d.ts" />
import { useLocation } from '@remix-run/react';
import { useEffect } from 'react';

/**
 * Starts GOV.UK Frontend's own JavaScript on the page once React has it: Space presses a link
 * styled as a button (`role="button"`, such as "Start now" and "Exit this page"), a button cannot
 * be pressed twice by mistake, the error summary and a success banner take the focus, the skip
 * link moves it to the main content. It is loaded as its own hashed file from our origin (allowed
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
    void import('govuk-frontend').then(({ initAll }) => {
      if (cancelled) return;
      initAll({
        onError(error) {
          if (error instanceof Error && (error.name === 'InitError' || error.name === 'SupportError')) return;
          throw error;
        },
      });
    });
    return () => {
      cancelled = true;
    };
  }, [location.key]);
}
