import { findCaseComplainant, inviteToSurvey, listQualityReviews, type NewOutboxMessage } from '@complaints/db';
import { z } from 'zod';
import { linkTo, type ServiceDependencies } from '../dependencies';
import { surveyInvitationEmail } from '../tracking/tracking-emails';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import type { CaseworkRequest } from './casework-context';

/**
 * The file is closed once its closure check is complete (the lifecycle's guard); nothing more is
 * owed. The complainant is then asked, once, how the handling felt: by email when we have their
 * address, and on their tracking page either way.
 */
export const closeComplaintMove: MoveUseCase<'close', Record<string, never>, null> = {
  move: 'close',
  input: z.object({}) as z.ZodType<Record<string, never>>,
  async apply({ tx, deps, complaint, stage, now }) {
    const reviews = await listQualityReviews(tx, { complaintId: complaint.id, kind: 'closure' });
    const check = reviews.filter((r) => r.stage === stage).at(-1)!;
    const outbox: NewOutboxMessage[] = [];
    if (complaint.kind === 'complaint' && (await inviteToSurvey(tx, complaint.id, now))) {
      const complainant = await findCaseComplainant(tx, complaint.id);
      if (complainant?.email && !complainant.anonymisedAt) {
        const email = surveyInvitationEmail({ reference: complaint.reference, language: complaint.language, audience: complaint.audience, trackUrl: linkTo(deps, 'portal', '/track') });
        outbox.push({ complaintId: complaint.id, channel: 'email', template: 'tracking.survey', recipient: complainant.email, language: complaint.language, audience: complaint.audience, payload: email, createdAt: now, nextAttemptAt: now });
      }
    }
    return { payload: { reviewId: check.id }, changes: { closedAt: now, currentDueOn: null }, outbox, result: null };
  },
};

export function closeComplaint(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string) {
  return runMove(deps, request, closeComplaintMove, { complaintId }, {});
}
