import { COMPLAINT_FLOWS, findPage, type FlowId, isPageShown, nextStep, previousPage, readDraftData, shownFields, type Step, typedFromAnswers } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { findDraftByToken } from './form-draft-token';
import { areasFor, filesFor, type PageView } from './form-draft-state';

export type OpenedFormPage =
  | { kind: 'not-found' }
  /** The form has been sent: the confirmation is where to go. */
  | { kind: 'sent' }
  /** The page is not asked with the answers given (say, "whose complaint" of a parent). */
  | { kind: 'skip'; to: Step }
  | ({ kind: 'page' } & PageView);

/** A question page as it opens: the answers already given in it, and where its back link goes. */
export async function openFormPage(
  deps: Pick<ServiceDependencies, 'db' | 'clock'>,
  input: { flow: FlowId; token: string | null; pageId: string },
): Promise<OpenedFormPage> {
  const flow = COMPLAINT_FLOWS[input.flow];
  const page = findPage(flow, input.pageId);
  if (!page) return { kind: 'not-found' };
  const draft = await findDraftByToken(deps.db, input.flow, input.token, deps.clock.now());
  if (draft?.complaintId) return { kind: 'sent' };
  const data = readDraftData(draft?.data);
  if (!isPageShown(page, data.answers)) return { kind: 'skip', to: nextStep(flow, data, page.id, false) };
  const [areas, files] = await Promise.all([areasFor(deps.db, page), filesFor(deps.db, page, draft?.id ?? null)]);
  return {
    kind: 'page',
    page,
    fields: shownFields(page, data.answers),
    typed: typedFromAnswers(page, data.answers),
    problems: [],
    previousPageId: previousPage(flow, data.answers, page.id)?.id,
    areas,
    files,
  };
}
