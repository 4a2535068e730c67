import { insertCaseNote, insertStaffAttachment } from '@complaints/db';
import { CASE_NOTE_KINDS, requiredText } from '@complaints/domain';
import type { AttachmentStorage } from '@complaints/storage';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ArrivedFile } from '../drafts/attach-draft-files';
import type { ServiceDependencies } from '../dependencies';
import type { MoveUseCase } from '../lifecycle/run-move';
import { runMoveWithFile, storedFileSchema } from './staff-upload';

export const CASE_NOTE_LIMITS = { noteText: 10_000 } as const;

const fields = z.object({
  kind: z.enum(CASE_NOTE_KINDS, { error: 'noteKind.required' }),
  text: requiredText('noteText', CASE_NOTE_LIMITS.noteText),
});
const input = fields.extend({ file: storedFileSchema.nullable().default(null) });

/**
 * An internal note on the case, or a record of evidence gathered (with the document itself, if
 * there is one). Notes are for staff only: never on the tracking page or in a letter. The history
 * records that a note was added and of which kind, never its words.
 */
export const addCaseNoteMove: MoveUseCase<'add_case_note', z.output<typeof input>, { noteId: string; attachmentId: string | null }> = {
  move: 'add_case_note',
  input,
  async apply({ tx, complaint, staff, now }, { kind, text, file }) {
    const attachmentId = file ? await insertStaffAttachment(tx, { ...file, complaintId: complaint.id, staffId: staff!.id, now }) : null;
    const noteId = await insertCaseNote(tx, { complaintId: complaint.id, kind, text, attachmentId, authorId: staff!.id, now });
    return {
      payload: { noteId, kind, ...(attachmentId ? { attachmentId } : {}) },
      auditSubject: `note:${noteId}`,
      result: { noteId, attachmentId },
    };
  },
};

export function addCaseNote(
  deps: ServiceDependencies & { storage: AttachmentStorage },
  request: CaseworkRequest,
  complaintId: string,
  raw: unknown,
  files: readonly ArrivedFile[],
) {
  return runMoveWithFile(deps, request, addCaseNoteMove, { complaintId }, { fields, raw, files });
}
