import { findComplaintNation, insertOmbudsmanEnquiry, insertOmbudsmanReferral } from '@complaints/db';
import { checkOmbudsmanReplyDue, checkRecordedDay, type IsoDate, londonDateOf, type Ombudsman, OMBUDSMAN_LIMITS, ombudsmanFor, optionalText, requiredText } from '@complaints/domain';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { enteredDay } from '../timescales/entered-day';

const input = z.object({
  /** The day the complainant went to the Ombudsman, as the Ombudsman told us. */
  referredOn: enteredDay('referredOn'),
  /** The Ombudsman's own reference for the case, to quote to them. */
  theirReference: requiredText('theirReference', OMBUDSMAN_LIMITS.theirReference),
  /** The day their first enquiry wants our reply by: the queues and the daily warning count down to it. */
  replyDueOn: enteredDay('replyDueOn'),
  /** What the first enquiry asks, in short. */
  enquiry: optionalText('enquiry', OMBUDSMAN_LIMITS.enquiry),
});

export type OmbudsmanReferralResult = { referralId: string; enquiryId: string; ombudsman: Ombudsman; referredOn: IsoDate; replyDueOn: IsoDate };

/**
 * The complainant has taken their complaint to the Ombudsman once our procedure was done: the
 * Parliamentary and Health Service Ombudsman for a service in England, the Public Services
 * Ombudsman for Wales for one in Wales (from the service area, not chosen). The referral comes
 * with their first enquiry, received that day, whose deadline becomes the complaint's due date.
 * The complaint is with the Ombudsman until their finding is recorded.
 */
export const referToOmbudsmanMove: MoveUseCase<'refer_to_ombudsman', z.output<typeof input>, OmbudsmanReferralResult> = {
  move: 'refer_to_ombudsman',
  input,
  async apply({ tx, complaint, now }, { referredOn, theirReference, replyDueOn, enquiry }) {
    const day = checkRecordedDay('referredOn', referredOn, { notBefore: complaint.receivedOn, today: londonDateOf(now) });
    if (!day.ok) throw Refusal.invalid([day.problem]);
    const replyDue = checkOmbudsmanReplyDue(replyDueOn, day.date);
    if (!replyDue.ok) throw Refusal.invalid([replyDue.problem]);
    const ombudsman = ombudsmanFor(await findComplaintNation(tx, complaint.id));
    const referralId = await insertOmbudsmanReferral(tx, { complaintId: complaint.id, ombudsman, referredOn: day.date, theirReference, at: now });
    const enquiryId = await insertOmbudsmanEnquiry(tx, { referralId, complaintId: complaint.id, receivedOn: day.date, summary: enquiry ?? null, dueOn: replyDue.date, at: now });
    return {
      payload: { referralId, ombudsman, referredOn: day.date, replyDueOn: replyDue.date, enquiryId },
      changes: { currentDueOn: replyDue.date },
      auditSubject: `ombudsman_referral:${referralId}`,
      result: { referralId, enquiryId, ombudsman, referredOn: day.date, replyDueOn: replyDue.date },
    };
  },
};

export function referToOmbudsman(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, referToOmbudsmanMove, { complaintId }, raw);
}
