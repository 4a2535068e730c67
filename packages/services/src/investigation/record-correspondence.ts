import { insertCorrespondence, insertStaffAttachment } from '@complaints/db';
import { CORRESPONDENCE_DIRECTIONS, CORRESPONDENCE_METHODS, isIsoDate, londonDateOf, requiredText } from '@complaints/domain';
import type { AttachmentStorage } from '@complaints/storage';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ArrivedFile } from '../drafts/attach-draft-files';
import type { ServiceDependencies } from '../dependencies';
import type { MoveUseCase } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { dayOfRecordProblem, dayOfRecordSchema } from './day-of-record';
import { runMoveWithFile, storedFileSchema } from './staff-upload';

export const CORRESPONDENCE_LIMITS = { summary: 5000 } as const;

const fields = z.object({
  direction: z.enum(CORRESPONDENCE_DIRECTIONS, { error: 'direction.required' }),
  method: z.enum(CORRESPONDENCE_METHODS, { error: 'method.required' }),
  occurredOn: dayOfRecordSchema('occurredOn'),
  summary: requiredText('summary', CORRESPONDENCE_LIMITS.summary),
});
const input = fields.extend({ file: storedFileSchema.nullable().default(null) });

/**
 * A letter, email or call in or out, as staff record it in the correspondence log: which way, how,
 * the day it happened and what it said, with a scanned copy if there is one. The history records
 * the way, the means and the day, never what was said.
 */
export const recordCorrespondenceMove: MoveUseCase<'record_correspondence', z.output<typeof input>, { correspondenceId: string; attachmentId: string | null }> = {
  move: 'record_correspondence',
  input,
  async apply({ tx, complaint, staff, now }, { direction, method, occurredOn, summary, file }) {
    const problem = dayOfRecordProblem('occurredOn', occurredOn, londonDateOf(now), complaint.receivedOn);
    if (problem) throw Refusal.invalid([problem]);
    const attachmentId = file ? await insertStaffAttachment(tx, { ...file, complaintId: complaint.id, staffId: staff!.id, now }) : null;
    const correspondenceId = await insertCorrespondence(tx, {
      complaintId: complaint.id,
      direction,
      method,
      occurredOn,
      summary,
      addsInformation: false,
      attachmentId,
      recordedBy: staff!.id,
      now,
    });
    return {
      payload: { correspondenceId, direction, method, occurredOn, ...(attachmentId ? { attachmentId } : {}) },
      auditSubject: `correspondence:${correspondenceId}`,
      result: { correspondenceId, attachmentId },
    };
  },
};

export function recordCorrespondence(
  deps: ServiceDependencies & { storage: AttachmentStorage },
  request: CaseworkRequest,
  complaintId: string,
  raw: unknown,
  files: readonly ArrivedFile[],
) {
  const today = londonDateOf(deps.clock.now());
  return runMoveWithFile(deps, request, recordCorrespondenceMove, { complaintId }, {
    fields,
    raw,
    files,
    // A real date can be judged against today at once; the day the complaint reached us is read under its lock.
    check: ({ occurredOn }) => {
      const problem = typeof occurredOn === 'string' && isIsoDate(occurredOn) ? dayOfRecordProblem('occurredOn', occurredOn, today, null) : null;
      return problem ? [problem] : [];
    },
  });
}
