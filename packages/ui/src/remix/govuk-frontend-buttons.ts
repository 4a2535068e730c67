/// <reference path="./govuk-frontend-module.d.ts" />
import { Button, createAll } from 'govuk-frontend';

/**
 * GOV.UK Frontend's button script alone (the package has no side effects, so the build keeps only
 * this component): Space presses a link styled as a button (`role="button"`, such as "Start now"
 * and "Exit this page"), and a button marked to prevent it cannot be pressed twice by mistake.
 * The other components' scripts are left out: the pages do without them, and each would add
 * weight to every first visit.
 */
export function startGovukButtons(onError: (error: unknown) => void): void {
  createAll(Button, undefined, { onError });
}
