import { listActivePointCategories, listCasePoints, listReviewPlaces, recordPointTriage } from '@complaints/db';
import { triageInputSchema, type TriageInput } from '@complaints/domain';
import { z } from 'zod';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import type { CaseworkRequest } from './casework-context';

export type RecordTriageResult = { nextPointId: string | null };

const input = z.intersection(z.object({ pointId: z.guid() }), triageInputSchema);

/**
 * Triage of one point: its category, and whether it is the organisation's to answer or a matter
 * for the court, with the reason and, for the court, how to raise it there. The history records
 * which point and the outcome, never the words.
 */
export const triagePointMove: MoveUseCase<'triage_point', { pointId: string } & TriageInput, RecordTriageResult> = {
  move: 'triage_point',
  input,
  async apply({ tx, complaint, staff, now }, triage) {
    const categories = await listActivePointCategories(tx);
    if (!categories.some((c) => c.key === triage.categoryKey)) throw Refusal.invalid([{ field: 'categoryKey', message: 'category.invalid' }]);
    if (triage.practitionerId) {
      // One of the practitioners of the complaint's service area, as the page offers.
      const places = await listReviewPlaces(tx, { serviceAreaId: complaint.serviceAreaId, practitionerId: complaint.practitionerId });
      if (!places.practitioners.some((p) => p.id === triage.practitionerId)) throw Refusal.invalid([{ field: 'practitionerId', message: 'practitioner.invalid' }]);
    }
    const found = await recordPointTriage(tx, complaint.id, triage.pointId, {
      categoryKey: triage.categoryKey,
      outcome: triage.outcome,
      reason: triage.reason,
      courtRoute: triage.courtRoute ?? null,
      practitionerId: triage.practitionerId ?? null,
      staffId: staff!.id,
      at: now,
    });
    if (!found) throw new Refusal('not_found');
    const points = await listCasePoints(tx, complaint.id);
    const position = points.find((p) => p.id === triage.pointId)?.position ?? 0;
    const next = points.find((p) => p.position > position && p.triage === null) ?? points.find((p) => p.triage === null);
    return {
      payload: { pointId: triage.pointId, outcome: triage.outcome, category: triage.categoryKey, ...(triage.practitionerId ? { practitionerId: triage.practitionerId } : {}) },
      auditSubject: `point:${triage.pointId}`,
      result: { nextPointId: next?.id ?? null },
    };
  },
};

export function recordTriage(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, pointId: string, raw: unknown): Promise<RecordTriageResult> {
  if (!/^[0-9a-f-]{36}$/i.test(pointId)) throw new Refusal('not_found');
  return runMove(deps, request, triagePointMove, { complaintId }, { ...(raw as object), pointId });
}
