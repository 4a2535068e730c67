import { type AnsweredPoint, findLetter, findLetterInProgress, listAnsweredPoints, recordAudit } from '@complaints/db';
import { type MoveRefusal, responseLetterKind } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { requireMove } from '../lifecycle/offered-moves';
import { type CaseLetterPreview, previewCaseLetter } from './case-letter';

export type ResponsePreview = {
  complaintId: string;
  reference: string;
  stage: 1 | 2;
  answers: AnsweredPoint[];
  /** Why the response cannot be drafted yet (a point without its answer), if it cannot. */
  blocked: MoveRefusal | null;
  /** The draft in progress, if there is one, and the opening the manager wrote for it. */
  draft: { letterId: string; message: string | null } | null;
  letter: CaseLetterPreview | null;
};

/**
 * The response as it would be drafted now from the answers, beside the answers themselves, for the
 * manager to check and add an opening before drafting it.
 */
export async function previewResponse(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, message: string | null): Promise<ResponsePreview> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'draft_response');
  const kind = responseLetterKind(access.stage);
  const [answers, draft] = await Promise.all([listAnsweredPoints(deps.db, complaintId, access.stage), findLetterInProgress(deps.db, complaintId, access.stage, kind)]);
  const stored = draft ? await findLetter(deps.db, complaintId, draft.id) : null;
  const opening = message ?? stored?.message ?? null;
  const letter = blocked ? null : await previewCaseLetter(deps.db, { complaintId, kind, now: deps.clock.now(), message: opening });
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:response', requestId: request.requestId });
  return { complaintId, reference: access.reference, stage: access.stage, answers, blocked, draft: draft ? { letterId: draft.id, message: stored?.message ?? null } : null, letter };
}
