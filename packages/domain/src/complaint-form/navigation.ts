import type { Answers, FlowDefinition, FormDraftData, PageDefinition } from './form-definition';
import { isPageShown } from './page-answers';

/** Where a flow goes after a page: another page, or "check your answers". */
export type Step = { page: PageDefinition } | { check: true };

export function findPage(flow: FlowDefinition, id: string): PageDefinition | undefined {
  return flow.pages.find((p) => p.id === id);
}

/** The pages asked, given the answers so far, in order. */
export function shownPages(flow: FlowDefinition, answers: Answers): PageDefinition[] {
  return flow.pages.filter((p) => isPageShown(p, answers));
}

/** The first page asked that has not been answered yet, or none when everything is answered. */
export function firstUnansweredPage(flow: FlowDefinition, draft: Pick<FormDraftData, 'answers' | 'completed'>): PageDefinition | undefined {
  return shownPages(flow, draft.answers).find((p) => !draft.completed.includes(p.id));
}

/**
 * The step after a page. In order through the form; when changing an answer from "check your
 * answers", back there, unless the change means a page not yet answered is now asked (say, "whose
 * complaint is it" after choosing "someone helping a child"), which comes first.
 */
export function nextStep(
  flow: FlowDefinition,
  draft: Pick<FormDraftData, 'answers' | 'completed'>,
  fromPageId: string,
  returningToCheck: boolean,
): Step {
  if (returningToCheck) {
    const unanswered = firstUnansweredPage(flow, draft);
    return unanswered ? { page: unanswered } : { check: true };
  }
  const pages = shownPages(flow, draft.answers);
  const index = pages.findIndex((p) => p.id === fromPageId);
  const next = index === -1 ? firstUnansweredPage(flow, draft) : pages[index + 1];
  return next ? { page: next } : { check: true };
}

/** The page before, for the back link; undefined before the first page (the back link goes to the start). */
export function previousPage(flow: FlowDefinition, answers: Answers, pageId: string): PageDefinition | undefined {
  const pages = shownPages(flow, answers);
  const index = pages.findIndex((p) => p.id === pageId);
  if (index > 0) return pages[index - 1];
  if (index === 0) return undefined;
  // A page not asked now: go back to the nearest asked page before it in the flow.
  const all = flow.pages.findIndex((p) => p.id === pageId);
  return flow.pages
    .slice(0, Math.max(0, all))
    .reverse()
    .find((p) => isPageShown(p, answers));
}
