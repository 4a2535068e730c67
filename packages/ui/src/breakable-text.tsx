import { Fragment, type ReactNode } from 'react';

/**
 * Long words that are not words (an email address, a web address) wrap where a reader expects,
 * not wherever the line ends: after "@", "/" and before each ".", as GOV.UK shows email addresses
 * in narrow columns. `<wbr>` offers those places; `govuk-!-text-break-word` around the text is
 * still needed for a run too long to fit even so.
 */
const PLACES = /(?<=[@/])|(?=\.)/;
const LONG_RUN = 20;

export function breakOpportunities(text: string): string[][] {
  return text.split(/(\s+)/).map((run) => (run.length > LONG_RUN && !/\s/.test(run) ? run.split(PLACES) : [run]));
}

export function BreakableText({ text }: { text: string }): ReactNode {
  return breakOpportunities(text).map((pieces, i) => (
    <Fragment key={i}>
      {pieces.map((piece, j) => (
        <Fragment key={j}>
          {j > 0 ? <wbr /> : null}
          {piece}
        </Fragment>
      ))}
    </Fragment>
  ));
}
