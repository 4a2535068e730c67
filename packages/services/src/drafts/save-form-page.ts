import { saveFormDraftData } from '@complaints/db';
import {
  checkPage,
  COMPLAINT_FLOWS,
  findPage,
  type FlowId,
  type FormDraftData,
  isPageShown,
  londonDateOf,
  nextStep,
  previousPage,
  readDraftData,
  readPage,
  shownFields,
  type Step,
  type SubmittedForm,
  type TypedPoint,
  withPageAnswers,
} from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { type FormPostLimits, screenFormPost } from '../protection/screen-form-post';
import { areasFor, filesFor, type PageView } from './form-draft-state';
import { draftExpiry, findDraftByToken, startFormDraft } from './form-draft-token';

export type FormPost = { clientIp: string; honeypot: string | undefined; limits: FormPostLimits };

export type SavedFormPage =
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'ignored' }
  | { kind: 'not-found' }
  | { kind: 'sent' }
  /** The page again: with its problems, or after a point was added or removed. `token` is set when a new draft began. */
  | ({ kind: 'page'; token?: string } & PageView)
  | { kind: 'saved'; next: Step; token?: string };

/** What the person pressed: Continue, "Add another point", or "Remove" on a point. */
export type PageIntent = { action: 'continue' } | { action: 'add-point' } | { action: 'remove-point'; index: number };

/**
 * Saves one question page of a complaint form. What was sent is checked against the page's
 * definition; on a problem the page is shown again with what was typed. A draft is started (with
 * its form instance key) the first time a page is saved, and lives for a day after the last save.
 */
export async function saveFormPage(
  deps: Pick<ServiceDependencies, 'db' | 'clock' | 'randomBytes'>,
  input: {
    flow: FlowId;
    token: string | null;
    pageId: string;
    form: SubmittedForm;
    intent: PageIntent;
    returningToCheck: boolean;
    post: FormPost;
  },
): Promise<SavedFormPage> {
  const screening = await screenFormPost(deps, input.post);
  if (screening.outcome !== 'allowed') return screening.outcome === 'ignored' ? { kind: 'ignored' } : { kind: 'rate-limited', retryAfterSeconds: screening.retryAfterSeconds };

  const flow = COMPLAINT_FLOWS[input.flow];
  const page = findPage(flow, input.pageId);
  if (!page) return { kind: 'not-found' };
  const now = deps.clock.now();
  const existing = await findDraftByToken(deps.db, input.flow, input.token, now);
  if (existing?.complaintId) return { kind: 'sent' };
  const draft: FormDraftData = existing ? readDraftData(existing.data) : { answers: {}, completed: [], formKey: '' };
  if (!isPageShown(page, draft.answers)) return { kind: 'saved', next: nextStep(flow, draft, page.id, input.returningToCheck) };

  let typed = readPage(page, draft.answers, input.form);
  if (input.intent.action === 'remove-point' && Array.isArray(typed.points)) {
    const points = (typed.points as TypedPoint[]).filter((_, i) => i !== (input.intent as { index: number }).index);
    typed = { ...typed, points };
  }
  const [areas, files] = await Promise.all([areasFor(deps.db, page), filesFor(deps.db, page, existing?.id ?? null)]);
  const view = (over: Partial<PageView>): PageView => ({
    page,
    fields: shownFields(page, draft.answers),
    typed,
    problems: [],
    previousPageId: previousPage(flow, draft.answers, page.id)?.id,
    areas,
    files,
    ...over,
  });

  const checked = checkPage(page, typed, draft.answers, { today: londonDateOf(now), areas });
  if (!checked.ok) {
    // Removing a point is not a mistake: the page is shown again without the point, and without errors.
    if (input.intent.action === 'remove-point') return { kind: 'page', ...view({ typed: checked.typed }) };
    return { kind: 'page', ...view({ typed: checked.typed, problems: checked.problems }) };
  }

  const saved = withPageAnswers(draft, page.id, checked.values);
  let token: string | undefined;
  if (existing) {
    if (!(await saveFormDraftData(deps.db, existing.id, saved, { now, expiresAt: draftExpiry(now) }))) return { kind: 'sent' };
  } else {
    token = (await startFormDraft(deps, input.flow, saved, now)).token;
  }
  const tokenPart = token ? { token } : {};

  if (input.intent.action === 'add-point') {
    const points = [...((checked.typed.points as TypedPoint[] | undefined) ?? []), { text: '', day: '', month: '', year: '' }];
    return { kind: 'page', ...tokenPart, ...view({ typed: { ...checked.typed, points } }) };
  }
  if (input.intent.action === 'remove-point') return { kind: 'page', ...tokenPart, ...view({ typed: checked.typed }) };
  return { kind: 'saved', ...tokenPart, next: nextStep(flow, saved, page.id, input.returningToCheck) };
}
