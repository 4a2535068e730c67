import { appendComplaintPoints, countComplaintPoints, insertCorrespondence, recordAudit } from '@complaints/db';
import { COMPLAINT_LIMITS, CORRESPONDENCE_METHODS, londonDateOf, requiredText } from '@complaints/domain';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { requireMove } from '../lifecycle/offered-moves';
import { type MoveRequest, type MoveUseCase, runMove } from '../lifecycle/run-move';
import type { MoveForm } from '../lifecycle/view-move-form';
import { Refusal } from '../refusal';
import { dayOfRecordProblem, dayOfRecordSchema } from './day-of-record';

export const INFORMATION_LIMITS = { summary: 5000, newPoints: 10 } as const;

const input = z.object({
  method: z.enum(CORRESPONDENCE_METHODS, { error: 'method.required' }),
  occurredOn: dayOfRecordSchema('occurredOn'),
  summary: requiredText('summary', INFORMATION_LIMITS.summary),
  points: z.array(requiredText('pointText', COMPLAINT_LIMITS.pointText)).max(INFORMATION_LIMITS.newPoints, { error: 'points.tooMany' }).default([]),
});

/**
 * What the complainant sent or told us after making their complaint: kept in the correspondence
 * log as information they added, and, where it raises something new, as new points of the
 * complaint. A new point is raised at the stage the complaint is at, numbered after the others and
 * not yet triaged; like every point, it must be answered before the response can be approved (the
 * lifecycle's guards count it). The history names the record and the points, never the words.
 */
export const addInformationMove: MoveUseCase<'add_information', z.output<typeof input>, { correspondenceId: string; pointIds: string[] }> = {
  move: 'add_information',
  input,
  async apply({ tx, complaint, staff, stage, now }, { method, occurredOn, summary, points }) {
    const problem = dayOfRecordProblem('occurredOn', occurredOn, londonDateOf(now), complaint.receivedOn);
    if (problem) throw Refusal.invalid([problem]);
    if (points.length > 0 && (await countComplaintPoints(tx, complaint.id)) + points.length > COMPLAINT_LIMITS.points) {
      throw Refusal.invalid([{ field: 'points', message: 'points.tooManyInAll' }]);
    }
    const correspondenceId = await insertCorrespondence(tx, {
      complaintId: complaint.id,
      direction: 'in',
      method,
      occurredOn,
      summary,
      addsInformation: true,
      attachmentId: null,
      recordedBy: staff?.id ?? null,
      now,
    });
    const pointIds = await appendComplaintPoints(tx, complaint.id, stage, points, now);
    return { payload: { correspondenceId, pointIds }, auditSubject: `correspondence:${correspondenceId}`, result: { correspondenceId, pointIds } };
  },
};

/** Recorded by staff for a complainant who wrote, emailed or rang; the tracking page may make the same move for the complainant. */
export function addInformation(deps: ServiceDependencies, request: MoveRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, addInformationMove, { complaintId }, raw);
}

/** The page for adding what they sent or said, with how many points the complaint has already. */
export async function viewAddInformation(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<MoveForm & { pointCount: number }> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'add_information');
  if (blocked) throw new Refusal(blocked);
  const pointCount = await countComplaintPoints(deps.db, complaintId);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:add_information', requestId: request.requestId });
  return { complaintId, reference: access.reference, stage: access.stage, kind: access.kind, today: londonDateOf(deps.clock.now()), pointCount };
}
