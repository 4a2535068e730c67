import { findOpenOmbudsmanReferral, insertOmbudsmanEnquiry } from '@complaints/db';
import { checkDayFrom, checkRecordedDay, type IsoDate, londonDateOf, OMBUDSMAN_LIMITS, optionalText } from '@complaints/domain';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { enteredDay } from '../timescales/entered-day';
import { ombudsmanDueDate } from './ombudsman-due';

const input = z.object({
  receivedOn: enteredDay('receivedOn'),
  dueOn: enteredDay('dueOn'),
  summary: optionalText('summary', OMBUDSMAN_LIMITS.enquiry),
});

export type OmbudsmanEnquiryResult = { referralId: string; enquiryId: string; dueOn: IsoDate };

/**
 * A further enquiry from the Ombudsman on the open referral: the day it came (not before the
 * referral, not in the future) and the day they want our reply by (not before it came). The
 * complaint is due on the earliest deadline still owed.
 */
export const recordOmbudsmanEnquiryMove: MoveUseCase<'record_ombudsman_enquiry', z.output<typeof input>, OmbudsmanEnquiryResult> = {
  move: 'record_ombudsman_enquiry',
  input,
  async apply({ tx, complaint, now }, { receivedOn, dueOn, summary }) {
    const referral = await findOpenOmbudsmanReferral(tx, complaint.id);
    if (!referral) throw new Refusal('wrong_state');
    const received = checkRecordedDay('receivedOn', receivedOn, { notBefore: referral.referredOn, today: londonDateOf(now) });
    if (!received.ok) throw Refusal.invalid([received.problem]);
    const due = checkDayFrom('dueOn', dueOn, received.date, 'beforeReceived');
    if (!due.ok) throw Refusal.invalid([due.problem]);
    const enquiryId = await insertOmbudsmanEnquiry(tx, { referralId: referral.id, complaintId: complaint.id, receivedOn: received.date, summary: summary ?? null, dueOn: due.date, at: now });
    return {
      payload: { referralId: referral.id, enquiryId, receivedOn: received.date, dueOn: due.date },
      changes: { currentDueOn: await ombudsmanDueDate(tx, complaint.id) },
      auditSubject: `ombudsman_enquiry:${enquiryId}`,
      result: { referralId: referral.id, enquiryId, dueOn: due.date },
    };
  },
};

export function recordOmbudsmanEnquiry(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, recordOmbudsmanEnquiryMove, { complaintId }, raw);
}
