import { deleteDraftAttachment } from '@complaints/db';
import { COMPLAINT_FLOWS, type FlowId, findPage, previousPage, readDraftData } from '@complaints/domain';
import type { AttachmentStorage } from '@complaints/storage';
import type { ServiceDependencies } from '../dependencies';
import { screenFormPost } from '../protection/screen-form-post';
import { filesFor, type PageView, usesFiles } from './form-draft-state';
import { findDraftByToken } from './form-draft-token';
import type { FormPost } from './save-form-page';

export type RemovedDraftFile =
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'ignored' }
  | { kind: 'not-found' }
  | { kind: 'sent' }
  | ({ kind: 'page' } & PageView);

/** Takes a file off the documents page, and its bytes out of storage, while the form is not yet sent. */
export async function removeDraftFile(
  deps: Pick<ServiceDependencies, 'db' | 'clock'> & { storage: AttachmentStorage },
  input: { flow: FlowId; token: string | null; pageId: string; attachmentId: string; post: FormPost },
): Promise<RemovedDraftFile> {
  const screening = await screenFormPost(deps, input.post);
  if (screening.outcome !== 'allowed') return screening.outcome === 'ignored' ? { kind: 'ignored' } : { kind: 'rate-limited', retryAfterSeconds: screening.retryAfterSeconds };
  const flow = COMPLAINT_FLOWS[input.flow];
  const page = findPage(flow, input.pageId);
  if (!page || !usesFiles(page)) return { kind: 'not-found' };
  const draft = await findDraftByToken(deps.db, input.flow, input.token, deps.clock.now());
  if (draft?.complaintId) return { kind: 'sent' };
  if (draft && /^[0-9a-f-]{36}$/.test(input.attachmentId)) {
    const storageKey = await deleteDraftAttachment(deps.db, draft.id, input.attachmentId);
    // The row goes first: a failure after it leaves unreferenced bytes, never a row without bytes.
    if (storageKey) await deps.storage.delete(storageKey);
  }
  return {
    kind: 'page',
    page,
    fields: page.fields,
    typed: {},
    problems: [],
    previousPageId: previousPage(flow, readDraftData(draft?.data).answers, page.id)?.id,
    areas: [],
    files: await filesFor(deps.db, page, draft?.id ?? null),
  };
}
