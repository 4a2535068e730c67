import { createHash } from 'node:crypto';
import { ACCEPTED_ATTACHMENT_TYPES, ATTACHMENT_LIMITS, type AttachmentRefusal, attachmentDisplayName, attachmentRefusal, type FieldProblem, fieldProblems, type Move } from '@complaints/domain';
import { type AttachmentStorage, detectContentType, STORAGE_KEY_PATTERN } from '@complaints/storage';
import { z } from 'zod';
import type { ArrivedFile } from '../drafts/attach-draft-files';
import type { ServiceDependencies } from '../dependencies';
import { requireComplainantMove, requireMove } from '../lifecycle/offered-moves';
import { type MoveRequest, type MoveTarget, type MoveUseCase, runMoveOnce } from '../lifecycle/run-move';
import { Refusal } from '../refusal';

/**
 * A file added to a case (a scanned letter or evidence from staff; what the complainant sends from
 * their tracking page) passes the same
 * checks as a file sent with a complaint online: no bigger than the public limit, of a kind judged
 * from its bytes (never from its name or what the browser said), kept under a random key. One file
 * goes with each note or letter recorded, so each file is explained by what it came with.
 */
export const STAFF_FILE_LIMITS = { perRecord: 1 } as const;

/** A file as the move writes it: its bytes already stored under `storageKey`. */
export const storedFileSchema = z.object({
  storageKey: z.string().regex(STORAGE_KEY_PATTERN),
  originalName: z.string().min(1).max(ATTACHMENT_LIMITS.nameLength),
  contentType: z.enum(ACCEPTED_ATTACHMENT_TYPES),
  sizeBytes: z.number().int().positive().max(ATTACHMENT_LIMITS.bytesPerFile),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type StoredFile = z.output<typeof storedFileSchema>;

type JudgedFile = { name: string; bytes: Uint8Array; contentType: (typeof ACCEPTED_ATTACHMENT_TYPES)[number] };

/** The problem with what was chosen, field `file`, with the reason as the complaint form gives it. */
async function judgeFiles(files: readonly ArrivedFile[], most: number): Promise<{ ok: true; files: JudgedFile[] } | { ok: false; problem: FieldProblem }> {
  const refused = (reason: AttachmentRefusal) => ({ ok: false as const, problem: { field: 'file', message: `file.${reason}` } });
  if (files.length > most) return refused('tooMany');
  const judged: JudgedFile[] = [];
  for (const file of files) {
    if ('refused' in file) return refused(file.refused);
    const contentType = await detectContentType(file.bytes);
    const refusal = attachmentRefusal({ sizeBytes: file.bytes.length, contentType }, 0);
    if (refusal) return refused(refusal);
    judged.push({ name: attachmentDisplayName(file.name, contentType), bytes: file.bytes, contentType: contentType as JudgedFile['contentType'] });
  }
  return { ok: true, files: judged };
}

/** May this person make the move now? Staff as the case page would offer it; the complainant as their tracking page would. */
async function requireMoveOf(deps: ServiceDependencies, request: MoveRequest, complaintId: string, move: Move): Promise<void> {
  if ('actor' in request) {
    const { blocked } = await requireMove(deps, request, complaintId, move);
    if (blocked) throw new Refusal(blocked);
    return;
  }
  if (!('complainant' in request)) throw new Refusal('not_allowed');
  await requireComplainantMove(deps, request, complaintId, move);
}

/**
 * Runs a move that may carry a file. Before any bytes are kept: may this person make the move now,
 * is what they typed right, is the file one we accept (every problem at once, for the same page).
 * Then the bytes are stored and the move writes its rows in one transaction; if that refuses or
 * fails, the stored bytes are deleted again, so nothing is left of an attempt that did not happen.
 */
export async function runMoveWithFile<M extends Move, I, R>(
  deps: ServiceDependencies & { storage: AttachmentStorage },
  request: MoveRequest,
  useCase: MoveUseCase<M, I, R>,
  target: MoveTarget,
  form: {
    fields: z.ZodType;
    raw: unknown;
    files: readonly ArrivedFile[];
    check?: (raw: Record<string, unknown>) => FieldProblem[];
    /** Several files, handed to the move as `files`; by default one, as `file`. */
    most?: number;
  },
): Promise<R> {
  await requireMoveOf(deps, request, target.complaintId, useCase.move);
  const raw = typeof form.raw === 'object' && form.raw !== null ? (form.raw as Record<string, unknown>) : {};
  const problems: FieldProblem[] = [];
  const parsed = form.fields.safeParse(raw);
  if (!parsed.success) problems.push(...fieldProblems(parsed.error));
  if (form.check) problems.push(...form.check(raw));
  const judged = await judgeFiles(form.files, form.most ?? STAFF_FILE_LIMITS.perRecord);
  if (!judged.ok) problems.push(judged.problem);
  if (problems.length > 0 || !judged.ok) throw Refusal.invalid(problems);

  const stored: StoredFile[] = [];
  const forget = () => Promise.all(stored.map((f) => deps.storage.delete(f.storageKey).catch(() => undefined)));
  try {
    for (const { bytes, name, contentType } of judged.files) {
      stored.push({ storageKey: await deps.storage.put(bytes), originalName: name, contentType, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    const files = form.most === undefined ? { file: stored[0] ?? null } : { files: stored };
    const { result, repeated } = await runMoveOnce(deps, request, useCase, target, { ...raw, ...files });
    // A repeated form was given the first one's result: the bytes it brought again are not needed.
    if (repeated) await forget();
    return result;
  } catch (error) {
    // The refusal is what the person must see; if the bytes cannot be deleted as well, they are
    // left under a random key no row names, and the refusal still goes back to the page.
    await forget();
    throw error;
  }
}
