import { recordAudit } from '@complaints/db';
import { type IsoDate, londonDateOf, type Move, WRITTEN_LETTER_KINDS, type WrittenLetterKind } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { Refusal } from '../refusal';
import { requireMove } from './offered-moves';

export type MoveForm = { complaintId: string; reference: string; stage: 1 | 2; kind: string; today: IsoDate };

/**
 * The page of a move's form: the complaint, if this person may make the move now (the same check
 * as the executor's), with what the form needs to start from; opening it is audited.
 */
export async function viewMoveForm(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, move: Move): Promise<MoveForm> {
  const { access, blocked } = await requireMove(deps, request, complaintId, move);
  if (blocked) throw new Refusal(blocked);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: `page:${move}`, requestId: request.requestId });
  return { complaintId, reference: access.reference, stage: access.stage, kind: access.kind, today: londonDateOf(deps.clock.now()) };
}

/** The letters this complaint may be written with words of the writer's own. */
export async function viewWriteLetter(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<MoveForm & { kinds: WrittenLetterKind[] }> {
  const form = await viewMoveForm(deps, request, complaintId, 'write_letter');
  return { ...form, kinds: WRITTEN_LETTER_KINDS.filter((k) => k !== 'non_service_user_reply' || form.kind === 'correspondence') };
}
