import { listAreaChoices, listDraftAttachments } from '@complaints/db';
import { type AreaChoice, checkAnswersRows, COMPLAINT_FLOWS, firstUnansweredPage, type FlowId, readDraftData, type SummaryRow } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { type DraftFile, toDraftFile } from './form-draft-state';
import { findDraftByToken } from './form-draft-token';

export type CheckAnswers =
  | { kind: 'no-draft' }
  | { kind: 'sent' }
  /** Something is still to be answered: that page comes first. */
  | { kind: 'unanswered'; pageId: string }
  | { kind: 'check'; rows: SummaryRow[]; areas: AreaChoice[]; files: DraftFile[]; formKey: string; lastPageId: string };

/** "Check your answers": every answer given, from the form's own definition, and the key the submit must carry. */
export async function openCheckAnswers(deps: Pick<ServiceDependencies, 'db' | 'clock'>, input: { flow: FlowId; token: string | null }): Promise<CheckAnswers> {
  const flow = COMPLAINT_FLOWS[input.flow];
  const draft = await findDraftByToken(deps.db, input.flow, input.token, deps.clock.now());
  if (!draft) return { kind: 'no-draft' };
  if (draft.complaintId) return { kind: 'sent' };
  const data = readDraftData(draft.data);
  const unanswered = firstUnansweredPage(flow, data);
  if (unanswered) return { kind: 'unanswered', pageId: unanswered.id };
  const rows = checkAnswersRows(flow, data.answers);
  const [areas, files] = await Promise.all([
    rows.some((r) => r.value.kind === 'area') ? listAreaChoices(deps.db) : Promise.resolve([]),
    rows.some((r) => r.value.kind === 'attachments') ? listDraftAttachments(deps.db, draft.id) : Promise.resolve([]),
  ]);
  return { kind: 'check', rows, areas, files: files.map(toDraftFile), formKey: data.formKey, lastPageId: flow.pages[flow.pages.length - 1]!.id };
}
