import { createHash } from 'node:crypto';
import { countDraftAttachments, insertDraftAttachment, lockFormDraft, saveFormDraftData } from '@complaints/db';
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
    const outcome = await keepFiles(deps, draftId, input.files, now);
    if (outcome === 'sent') return { kind: 'sent' };
    problems.push(...outcome);
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

/**
 * Judges each file from its bytes and keeps those accepted, in the order they came, up to the
 * draft's limit. The bytes are stored first; then, with the draft's row locked, the files already
 * attached are counted and the rows written, so two uploads to one draft at the same moment (two
 * tabs, a double click) are counted one after the other and never exceed the limit. Bytes that
 * were stored but not kept (one too many, or the transaction failed) are deleted again.
 */
async function keepFiles(
  deps: Pick<ServiceDependencies, 'db'> & { storage: AttachmentStorage },
  draftId: string,
  files: ArrivedFile[],
  now: Date,
): Promise<PageProblem[] | 'sent'> {
  type Judged = { name: string; problem: string | null; file?: { bytes: Uint8Array; contentType: string; storageKey?: string } };
  const judged: Judged[] = [];
  for (const file of files) {
    if ('refused' in file) {
      judged.push({ name: attachmentDisplayName(file.name), problem: file.refused });
      continue;
    }
    const contentType = await detectContentType(file.bytes);
    const name = attachmentDisplayName(file.name, contentType);
    // The count is judged below, under the lock.
    const refusal = attachmentRefusal({ sizeBytes: file.bytes.length, contentType }, 0);
    judged.push(refusal || !contentType ? { name, problem: refusal ?? 'wrongType' } : { name, problem: null, file: { bytes: file.bytes, contentType } });
  }
  const unused = new Set<string>();
  try {
    for (const j of judged) {
      if (j.file) {
        j.file.storageKey = await deps.storage.put(j.file.bytes);
        unused.add(j.file.storageKey);
      }
    }
    const sent = await deps.db.transaction(async (tx) => {
      const draft = await lockFormDraft(tx, draftId, now);
      if (!draft || draft.complaintId) return true;
      let attached = await countDraftAttachments(tx, draftId);
      for (const j of judged) {
        if (j.problem === 'tooMany' || (j.file && attached >= ATTACHMENT_LIMITS.files)) {
          j.problem = 'tooMany';
          continue;
        }
        if (!j.file?.storageKey) continue;
        await insertDraftAttachment(tx, {
          draftId,
          storageKey: j.file.storageKey,
          originalName: j.name,
          contentType: j.file.contentType,
          sizeBytes: j.file.bytes.length,
          sha256: createHash('sha256').update(j.file.bytes).digest('hex'),
          now,
        });
        attached += 1;
      }
      return false;
    });
    if (sent) return 'sent';
    for (const j of judged) if (j.file?.storageKey && j.problem === null) unused.delete(j.file.storageKey);
  } finally {
    // Under a random key no row names, a file left behind by a failed delete is harmless.
    await Promise.all([...unused].map((key) => deps.storage.delete(key).catch(() => undefined)));
  }
  return judged.filter((j) => j.problem).map((j) => ({ field: 'attachments', message: `attachment.${j.problem}`, values: { name: j.name } }));
}
