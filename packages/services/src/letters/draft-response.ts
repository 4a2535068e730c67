import { findLetterInProgress } from '@complaints/db';
import { optionalText, responseLetterKind } from '@complaints/domain';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { writeCaseLetter } from './case-letter';
import { storeCaseLetter } from './store-case-letter';

export const RESPONSE_LIMITS = { message: 5000 } as const;

const input = z.object({ message: optionalText('message', RESPONSE_LIMITS.message) });

/**
 * The response, assembled from the national template for the stage: every point in the order it
 * was raised with its decision and reasons (in a child's words for a child), what should have
 * happened and what did, the standard that applied, the remedy and the actions with their dates,
 * and how to take it further. The manager adds an opening of their own. Drafting again (after
 * changing an answer, or when the letter came back from quality assurance) makes a new version;
 * every earlier one is kept.
 */
export const draftResponseMove: MoveUseCase<'draft_response', z.output<typeof input>, { letterId: string; version: number }> = {
  move: 'draft_response',
  input,
  async apply({ tx, complaint, staff, stage, now }, { message }) {
    const kind = responseLetterKind(stage);
    const written = await writeCaseLetter(tx, { complaintId: complaint.id, kind, now, message: message ?? null });
    const existing = await findLetterInProgress(tx, complaint.id, stage, kind);
    const { letterId, version } = await storeCaseLetter(tx, { complaintId: complaint.id, written, staffId: staff?.id ?? null, now, existingLetterId: existing?.id ?? null, state: 'draft' });
    return { payload: { letterId, kind, version, templateVersion: written.templateVersion }, auditSubject: `letter:${letterId}`, result: { letterId, version } };
  },
};

export function draftResponse(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, draftResponseMove, { complaintId }, raw);
}
