import { appendComplaintPoints, countComplaintPoints, insertCorrespondence, insertStaffAttachment, recordAudit } from '@complaints/db';
import { moveActor } from '@complaints/auth';
import { ATTACHMENT_LIMITS, checkMove, COMPLAINT_LIMITS, CORRESPONDENCE_METHODS, londonDateOf, requiredText } from '@complaints/domain';
import type { AttachmentStorage } from '@complaints/storage';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ArrivedFile } from '../drafts/attach-draft-files';
import type { ServiceDependencies } from '../dependencies';
import { requireMove } from '../lifecycle/offered-moves';
import { type MoveRequest, type MoveUseCase, runMove } from '../lifecycle/run-move';
import type { MoveForm } from '../lifecycle/view-move-form';
import { Refusal } from '../refusal';
import { resumeClockMove } from '../timescales/resume-clock';
import { tellCaseholder } from '../tracking/tell-caseholder';
import { dayOfRecordProblem, dayOfRecordSchema } from './day-of-record';
import { runMoveWithFile, storedFileSchema } from './staff-upload';

export const INFORMATION_LIMITS = { summary: 5000, newPoints: 10, files: ATTACHMENT_LIMITS.files } as const;

const input = z.object({
  method: z.enum(CORRESPONDENCE_METHODS, { error: 'method.required' }),
  occurredOn: dayOfRecordSchema('occurredOn'),
  summary: requiredText('summary', INFORMATION_LIMITS.summary),
  points: z.array(requiredText('pointText', COMPLAINT_LIMITS.pointText)).max(INFORMATION_LIMITS.newPoints, { error: 'points.tooMany' }).default([]),
  files: z.array(storedFileSchema).max(INFORMATION_LIMITS.files).default([]),
});

/** What the complainant types on their tracking page: what they want to add, and files; the rest is known. */
const onlineFields = z.object({ summary: requiredText('summary', INFORMATION_LIMITS.summary) });

/**
 * What the complainant sent or told us after making their complaint: kept in the correspondence
 * log as information they added, with any files, and, where staff record that it raises something
 * new, as new points of the complaint. A new point is raised at the stage the complaint is at,
 * numbered after the others and not yet triaged; like every point, it must be answered before the
 * response can be approved (the lifecycle's guards count it). The history names the record, the
 * files and the points, never the words. When the complainant adds it themselves, whoever deals
 * with the complaint is told at once by email, without what it says. If the clock was paused while
 * we waited on the complainant, it starts again with what they sent, in the same transaction, when
 * the person recording it may start it (the complainant always may).
 */
export const addInformationMove: MoveUseCase<'add_information', z.output<typeof input>, { correspondenceId: string; pointIds: string[]; attachmentIds: string[] }> = {
  move: 'add_information',
  input,
  async apply({ tx, deps, complaint, facts, staff, stage, now }, { method, occurredOn, summary, points, files }) {
    const problem = dayOfRecordProblem('occurredOn', occurredOn, londonDateOf(now), complaint.receivedOn);
    if (problem) throw Refusal.invalid([problem]);
    if (points.length > 0 && (await countComplaintPoints(tx, complaint.id)) + points.length > COMPLAINT_LIMITS.points) {
      throw Refusal.invalid([{ field: 'points', message: 'points.tooManyInAll' }]);
    }
    const attachmentIds: string[] = [];
    for (const file of files) attachmentIds.push(await insertStaffAttachment(tx, { ...file, complaintId: complaint.id, staffId: staff?.id ?? null, now }));
    const correspondenceId = await insertCorrespondence(tx, {
      complaintId: complaint.id,
      direction: 'in',
      method,
      occurredOn,
      summary,
      addsInformation: true,
      attachmentId: attachmentIds[0] ?? null,
      recordedBy: staff?.id ?? null,
      now,
    });
    const pointIds = await appendComplaintPoints(tx, complaint.id, stage, points, now);
    // Staff who record it know already; when the complainant adds it, whoever deals with it is told.
    const outbox = staff ? [] : await tellCaseholder(tx, deps, complaint, 'information', now, { files: attachmentIds.length, newPoints: pointIds.length });
    const restartsClock = facts.paused && checkMove('resume_clock', facts, staff ? moveActor(staff) : { type: 'complainant' }).ok;
    return {
      payload: { correspondenceId, pointIds, ...(attachmentIds.length > 0 ? { attachmentIds } : {}) },
      auditSubject: `correspondence:${correspondenceId}`,
      outbox,
      followedBy: restartsClock ? [{ useCase: resumeClockMove, input: { correspondenceId } }] : [],
      result: { correspondenceId, pointIds, attachmentIds },
    };
  },
};

/** Recorded by staff for a complainant who wrote, emailed or rang. */
export function addInformation(deps: ServiceDependencies, request: MoveRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, addInformationMove, { complaintId }, raw);
}

/**
 * Added by the complainant from their tracking page: what they want to add, and up to five files
 * checked as the complaint form checks them. The day is today and the way is online.
 */
export function addInformationOnline(
  deps: ServiceDependencies & { storage: AttachmentStorage },
  request: MoveRequest & { complainant: { complaintId: string } },
  raw: unknown,
  files: readonly ArrivedFile[],
) {
  const fields = typeof raw === 'object' && raw !== null ? { summary: (raw as Record<string, unknown>).summary } : {};
  const today = londonDateOf(deps.clock.now());
  return runMoveWithFile(deps, request, addInformationMove, { complaintId: request.complainant.complaintId }, {
    fields: onlineFields,
    raw: { ...fields, method: 'online', occurredOn: today, points: [] },
    files,
    most: INFORMATION_LIMITS.files,
  });
}

/** The page for adding what they sent or said, with how many points the complaint has already. */
export async function viewAddInformation(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<MoveForm & { pointCount: number }> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'add_information');
  if (blocked) throw new Refusal(blocked);
  const pointCount = await countComplaintPoints(deps.db, complaintId);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:add_information', requestId: request.requestId });
  return { complaintId, reference: access.reference, stage: access.stage, kind: access.kind, today: londonDateOf(deps.clock.now()), pointCount };
}
