import { findOpenOmbudsmanReferral, recordOmbudsmanFinding } from '@complaints/db';
import { checkRecordedDay, type IsoDate, londonDateOf, OMBUDSMAN_FINDINGS, OMBUDSMAN_LIMITS, type OmbudsmanFinding, optionalText } from '@complaints/domain';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { enteredDay } from '../timescales/entered-day';

const input = z.object({
  finding: z.enum(OMBUDSMAN_FINDINGS, { error: 'finding.required' }),
  /** The day of the Ombudsman's decision. */
  findingOn: enteredDay('findingOn'),
  /** What the Ombudsman recommended we do, in their words or a faithful summary. */
  recommendations: optionalText('recommendations', OMBUDSMAN_LIMITS.recommendations),
});

export type OmbudsmanOutcomeResult = { referralId: string; finding: OmbudsmanFinding; findingOn: IsoDate };

/**
 * What the Ombudsman found, on what day, and what they recommended: recorded against the referral,
 * and the complaint is closed again.
 */
export const recordOmbudsmanOutcomeMove: MoveUseCase<'record_ombudsman_outcome', z.output<typeof input>, OmbudsmanOutcomeResult> = {
  move: 'record_ombudsman_outcome',
  input,
  async apply({ tx, complaint, now }, { finding, findingOn, recommendations }) {
    const referral = await findOpenOmbudsmanReferral(tx, complaint.id);
    // A complaint is with the Ombudsman only through a referral; without one there is nothing to record against.
    if (!referral) throw new Refusal('wrong_state');
    const day = checkRecordedDay('findingOn', findingOn, { notBefore: referral.referredOn, today: londonDateOf(now) });
    if (!day.ok) throw Refusal.invalid([day.problem]);
    await recordOmbudsmanFinding(tx, referral.id, { finding, findingOn: day.date, recommendations: recommendations ?? null });
    return {
      payload: { referralId: referral.id, finding, findingOn: day.date },
      changes: { closedAt: complaint.closedAt ?? now, currentDueOn: null },
      auditSubject: `ombudsman_referral:${referral.id}`,
      result: { referralId: referral.id, finding, findingOn: day.date },
    };
  },
};

export function recordOmbudsmanOutcome(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, recordOmbudsmanOutcomeMove, { complaintId }, raw);
}
