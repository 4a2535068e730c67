import { findLetterInProgress } from '@complaints/db';
import { requiredText, WRITTEN_LETTER_KINDS } from '@complaints/domain';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { writeCaseLetter } from './case-letter';
import { storeCaseLetter } from './store-case-letter';

export const WRITTEN_LETTER_LIMITS = { message: 5000 } as const;

const input = z.object({
  kind: z.enum(WRITTEN_LETTER_KINDS, { error: 'letterKind.required' }),
  message: requiredText('message', WRITTEN_LETTER_LIMITS.message),
});

/**
 * A letter staff write with words of their own inside the national template: a holding letter
 * while an answer is still being worked on, a letter at closure, or the written reply to someone
 * who is not a service user. It goes to quality assurance like every letter. Writing the same kind
 * again while it is a draft or back from quality assurance makes a new version of it.
 */
export const writeLetterMove: MoveUseCase<'write_letter', z.output<typeof input>, { letterId: string; version: number }> = {
  move: 'write_letter',
  input,
  async apply({ tx, complaint, staff, stage, now }, { kind, message }) {
    // The reply outside the procedure is for someone who is not a service user, and only for them.
    if (kind === 'non_service_user_reply' && complaint.kind !== 'correspondence') throw new Refusal('not_a_written_letter');
    const written = await writeCaseLetter(tx, { complaintId: complaint.id, kind, now, message });
    const existing = await findLetterInProgress(tx, complaint.id, stage, kind);
    const { letterId, version } = await storeCaseLetter(tx, { complaintId: complaint.id, written, staffId: staff?.id ?? null, now, existingLetterId: existing?.id ?? null, state: 'draft' });
    return { payload: { letterId, kind, version, templateVersion: written.templateVersion }, auditSubject: `letter:${letterId}`, result: { letterId, version } };
  },
};

export function writeLetter(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, writeLetterMove, { complaintId }, raw);
}
