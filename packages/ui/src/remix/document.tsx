import { Links, Meta, Scripts, ScrollRestoration } from '@remix-run/react';
import type { ReactNode } from 'react';
import { brandStyle } from '../shell-text';
import { exitThisPageScript, forgetRestoredFormsScript } from '../exit-this-page';

/**
 * The HTML document around every page: language, the organisation's colours, Remix's links and
 * scripts with the CSP nonce, and on the public site the "Exit this page" script with the reset of
 * forms a browser fills in again from its history.
 */
export function Document({
  language,
  nonce,
  exitUrl,
  children,
}: {
  language: string;
  nonce: string;
  exitUrl?: string | undefined;
  children: ReactNode;
}) {
  return (
    <html lang={language} className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#5a2d82" />
        <meta name="robots" content="noindex" />
        <Meta />
        <Links />
        <style nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: brandStyle() }} />
      </head>
      <body className="govuk-template__body" suppressHydrationWarning>
        <script
          nonce={nonce}
          suppressHydrationWarning
          dangerouslySetInnerHTML={{
            __html:
              "document.body.className+=' js-enabled'+('noModule' in HTMLScriptElement.prototype?' govuk-frontend-supported':'');" +
              (exitUrl ? exitThisPageScript(exitUrl) + forgetRestoredFormsScript() : ''),
          }}
        />
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}
