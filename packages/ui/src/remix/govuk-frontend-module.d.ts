// GOV.UK Frontend ships no type declarations: just the part of its API these pages use.
declare module 'govuk-frontend' {
  export class Button {
    constructor(root: Element, config?: unknown);
  }
  export function createAll(component: typeof Button, config?: unknown, options?: { scope?: Element | Document; onError?: (error: unknown, context: unknown) => void }): unknown[];
}
