// GOV.UK Frontend ships no type declarations: just the part of its API these pages use.
declare module 'govuk-frontend' {
  export function initAll(config?: { onError?: (error: unknown, context: unknown) => void }): void;
}
