import { findOpenOmbudsmanReferral, listOmbudsmanEnquiries, recordOmbudsmanReply } from '@complaints/db';
import { checkRecordedDay, type IsoDate, londonDateOf, OMBUDSMAN_LIMITS, requiredText } from '@complaints/domain';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { enteredDay } from '../timescales/entered-day';
import { ombudsmanDueDate } from './ombudsman-due';

const input = z.object({
  enquiryId: z.guid({ error: 'enquiry.invalid' }),
  /** The day our reply went. */
  sentOn: enteredDay('sentOn'),
  /** What we sent: the documents and the answer, in short. */
  reply: requiredText('reply', OMBUDSMAN_LIMITS.reply),
});

export type OmbudsmanReplyResult = { referralId: string; enquiryId: string; sentOn: IsoDate; onTime: boolean };

/**
 * Our reply to one of the Ombudsman's enquiries went: when (not before the enquiry came, not in
 * the future) and what was sent. The enquiry stops counting down, and whether it went by its
 * deadline is kept in the history.
 */
export const replyToOmbudsmanMove: MoveUseCase<'reply_to_ombudsman', z.output<typeof input>, OmbudsmanReplyResult> = {
  move: 'reply_to_ombudsman',
  input,
  async apply({ tx, complaint, now }, { enquiryId, sentOn, reply }) {
    const referral = await findOpenOmbudsmanReferral(tx, complaint.id);
    if (!referral) throw new Refusal('wrong_state');
    const enquiry = (await listOmbudsmanEnquiries(tx, complaint.id)).find((e) => e.id === enquiryId && e.referralId === referral.id);
    if (!enquiry) throw new Refusal('not_found');
    if (enquiry.repliedOn !== null) throw new Refusal('wrong_state');
    const sent = checkRecordedDay('sentOn', sentOn, { notBefore: enquiry.receivedOn as IsoDate, today: londonDateOf(now) });
    if (!sent.ok) throw Refusal.invalid([sent.problem]);
    if (!(await recordOmbudsmanReply(tx, referral.id, enquiryId, { repliedOn: sent.date, reply }))) throw new Refusal('wrong_state');
    const onTime = sent.date <= enquiry.dueOn;
    return {
      payload: { referralId: referral.id, enquiryId, sentOn: sent.date, onTime },
      changes: { currentDueOn: await ombudsmanDueDate(tx, complaint.id) },
      auditSubject: `ombudsman_enquiry:${enquiryId}`,
      result: { referralId: referral.id, enquiryId, sentOn: sent.date, onTime },
    };
  },
};

export function replyToOmbudsman(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, replyToOmbudsmanMove, { complaintId }, raw);
}
