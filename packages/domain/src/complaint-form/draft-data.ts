import type { FormDraftData } from './form-definition';

/**
 * A draft's data as read back from storage, trusted only as far as its shape: anything else reads
 * as an empty draft. Answers were checked when they were saved, and the whole complaint is checked
 * again when it is sent.
 */
export function readDraftData(value: unknown): FormDraftData {
  const data = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const answers = data.answers && typeof data.answers === 'object' && !Array.isArray(data.answers) ? (data.answers as Record<string, unknown>) : {};
  const completed = Array.isArray(data.completed) ? data.completed.filter((c): c is string => typeof c === 'string') : [];
  const formKey = typeof data.formKey === 'string' ? data.formKey : '';
  return { answers, completed, formKey };
}

/** The answers after a page is saved: merged in, cleared fields removed, the page marked as answered. */
export function withPageAnswers(draft: FormDraftData, pageId: string, values: Record<string, unknown>): FormDraftData {
  const answers: Record<string, unknown> = { ...draft.answers };
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete answers[name];
    else answers[name] = value;
  }
  return { ...draft, answers, completed: draft.completed.includes(pageId) ? draft.completed : [...draft.completed, pageId] };
}
