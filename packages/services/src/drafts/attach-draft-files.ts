import { createHash } from 'node:crypto';
import { countDraftAttachments, insertDraftAttachment, saveFormDraftData } from '@complaints/db';
import {
  attachmentDisplayName,
  attachmentRefusal,
  ATTACHMENT_LIMITS,
  COMPLAINT_FLOWS,
  type FlowId,
  findPage,
  nextStep,
  previousPage,
  readDraftData,
  withPageAnswers,
} from '@complaints/domain';
import { type AttachmentStorage, detectContentType } from '@complaints/storage';
import type { ServiceDependencies } from '../dependencies';
import { screenFormPost } from '../protection/screen-form-post';
import { filesFor, type PageProblem, usesFiles } from './form-draft-state';
import { draftExpiry, findDraftByToken, startFormDraft } from './form-draft-token';
import type { FormPost, SavedFormPage } from './save-form-page';

/** A file as it arrived: its bytes, or why they were not read (too big, or one file too many). */
export type ArrivedFile = { name: string; bytes: Uint8Array } | { name: string; refused: 'tooBig' | 'tooMany' };

/** The documents page is one of the form's pages, and its post ends as any page's does. */
export type AttachedFiles = SavedFormPage;

/**
 * Adds the files sent on the documents page to the draft. Each is judged from its bytes; one that
 * is refused (too big, the wrong kind, one too many) is named with the reason, and the others are
 * kept. With Continue and no problem, the page is done.
 */
export async function attachDraftFiles(
  deps: Pick<ServiceDependencies, 'db' | 'clock' | 'randomBytes'> & { storage: AttachmentStorage },
  input: { flow: FlowId; token: string | null; pageId: string; files: ArrivedFile[]; continueAfter: boolean; returningToCheck: boolean; post: FormPost },
): Promise<AttachedFiles> {
  const screening = await screenFormPost(deps, input.post);
  if (screening.outcome !== 'allowed') return screening.outcome === 'ignored' ? { kind: 'ignored' } : { kind: 'rate-limited', retryAfterSeconds: screening.retryAfterSeconds };
  const flow = COMPLAINT_FLOWS[input.flow];
  const page = findPage(flow, input.pageId);
  if (!page || !usesFiles(page)) return { kind: 'not-found' };
  const now = deps.clock.now();

  const existing = await findDraftByToken(deps.db, input.flow, input.token, now);
  if (existing?.complaintId) return { kind: 'sent' };
  let token: string | undefined;
  let draftId = existing?.id;
  let data = readDraftData(existing?.data);
  if (!draftId && (input.files.length > 0 || input.continueAfter)) {
    const started = await startFormDraft(deps, input.flow, { answers: {}, completed: [] }, now);
    ({ token, id: draftId, data } = started);
  }

  const problems: PageProblem[] = [];
  if (draftId) {
    let attached = await countDraftAttachments(deps.db, draftId);
    for (const file of input.files) {
      const name = attachmentDisplayName(file.name);
      const contentType = 'bytes' in file ? await detectContentType(file.bytes) : null;
      const refusal = 'refused' in file ? (attached >= ATTACHMENT_LIMITS.files ? 'tooMany' : file.refused) : attachmentRefusal({ sizeBytes: file.bytes.length, contentType }, attached);
      if (refusal || !('bytes' in file) || !contentType) {
        problems.push({ field: 'attachments', message: `attachment.${refusal ?? 'wrongType'}`, values: { name } });
        continue;
      }
      const storageKey = await deps.storage.put(file.bytes);
      await insertDraftAttachment(deps.db, {
        draftId,
        storageKey,
        originalName: name,
        contentType,
        sizeBytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        now,
      });
      attached += 1;
    }
    if (attached > ATTACHMENT_LIMITS.files) throw new Error('More files were attached than a complaint may hold.');
  }

  const tokenPart = token ? { token } : {};
  if (input.continueAfter && problems.length === 0 && draftId) {
    const saved = withPageAnswers(data, page.id, {});
    if (!(await saveFormDraftData(deps.db, draftId, saved, { now, expiresAt: draftExpiry(now) }))) return { kind: 'sent' };
    return { kind: 'saved', ...tokenPart, next: nextStep(flow, saved, page.id, input.returningToCheck) };
  }
  return {
    kind: 'page',
    ...tokenPart,
    page,
    fields: page.fields,
    typed: {},
    problems,
    previousPageId: previousPage(flow, data.answers, page.id)?.id,
    areas: [],
    files: await filesFor(deps.db, page, draftId ?? null),
  };
}
