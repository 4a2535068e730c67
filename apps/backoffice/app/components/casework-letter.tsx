/** A letter shown on a page, from markup made on the server (see casework-letter.server.tsx). */
export function LetterMarkup({ html, label }: { html: string; label: string }) {
  return <section className="app-letter-preview govuk-!-padding-4" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
