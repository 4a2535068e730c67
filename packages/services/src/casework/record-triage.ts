import {
  appendComplaintEvents,
  listActivePointCategories,
  listCasePoints,
  lockComplaint,
  recordAudit,
  recordPointTriage,
  touchComplaint,
} from '@complaints/db';
import { type FieldProblem, fieldProblems, triageInputSchema } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { checkAction, ComplaintNotFoundError, type CaseworkRequest, isUuid, workableComplaint, staffEvent } from './casework-context';

export type RecordTriageResult = { ok: true; nextPointId: string | null } | { ok: false; problems: FieldProblem[] };

/**
 * Triage of one point: its category, and whether it is the organisation's to answer or a matter
 * for the court, with the reason and, for the court, how to raise it there. The history records
 * which point and the outcome, never the words.
 */
export async function recordTriage(
  deps: ServiceDependencies,
  request: CaseworkRequest,
  complaintId: string,
  pointId: string,
  input: unknown,
): Promise<RecordTriageResult> {
  const { actor } = request;
  await workableComplaint(deps.db, actor, complaintId, 'triage_point');
  if (!isUuid(pointId)) throw new ComplaintNotFoundError();
  const parsed = triageInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: fieldProblems(parsed.error) };
  const categories = await listActivePointCategories(deps.db);
  if (!categories.some((c) => c.key === parsed.data.categoryKey)) {
    return { ok: false, problems: [{ field: 'categoryKey', message: 'category.invalid' }] };
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const locked = await lockComplaint(tx, complaintId);
    if (!locked) throw new ComplaintNotFoundError();
    const transition = checkAction(locked, actor, 'triage_point');
    const found = await recordPointTriage(tx, complaintId, pointId, {
      categoryKey: parsed.data.categoryKey,
      outcome: parsed.data.outcome,
      reason: parsed.data.reason,
      courtRoute: parsed.data.courtRoute ?? null,
      staffId: actor.id,
      at: now,
    });
    if (!found) throw new ComplaintNotFoundError();
    await touchComplaint(tx, complaintId, {});
    await appendComplaintEvents(tx, complaintId, [
      staffEvent(transition, actor, now, { pointId, outcome: parsed.data.outcome, category: parsed.data.categoryKey }),
    ]);
    await recordAudit(tx, { staffId: actor.id, action: 'complaint.triaged', complaintId, subject: `point:${pointId}`, requestId: request.requestId });
    const points = await listCasePoints(tx, complaintId);
    const position = points.find((p) => p.id === pointId)?.position ?? 0;
    const next = points.find((p) => p.position > position && p.triage === null) ?? points.find((p) => p.triage === null);
    return { ok: true as const, nextPointId: next?.id ?? null };
  });
}
