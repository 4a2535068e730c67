import { listQualityReviews, recordAudit, type StoredQualityReview } from '@complaints/db';
import type { ClosureRecord, MoveRefusal } from '@complaints/domain';
import { closureRecord } from './closure-record';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { requireMove } from '../lifecycle/offered-moves';

export type ClosureCheckPage = {
  complaintId: string;
  reference: string;
  stage: 1 | 2;
  /** What the record says of the items that are facts. */
  record: ClosureRecord;
  /** Earlier checks of this file, newest last. */
  checks: StoredQualityReview[];
  blocked: MoveRefusal | null;
};

/** The closure check of a file: the record's facts beside the items to tick, and the checks made before. */
export async function viewClosureCheck(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<ClosureCheckPage> {
  const { access, facts, blocked } = await requireMove(deps, request, complaintId, 'quality_assure_closure');
  const [record, checks] = await Promise.all([closureRecord(deps.db, complaintId, facts), listQualityReviews(deps.db, { complaintId, kind: 'closure' })]);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:closure', requestId: request.requestId });
  return {
    complaintId,
    reference: access.reference,
    stage: access.stage,
    record,
    checks: checks.filter((c) => c.stage === access.stage),
    blocked,
  };
}
