import { findOmbudsmanRecommendation, listOmbudsmanReferrals, recordRecommendationDone } from '@complaints/db';
import { checkRecordedDay, type IsoDate, londonDateOf, OMBUDSMAN_LIMITS, requiredText } from '@complaints/domain';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { enteredDay } from '../timescales/entered-day';

const input = z.object({
  recommendationId: z.guid({ error: 'recommendation.invalid' }),
  doneOn: enteredDay('doneOn'),
  /** What shows it was done: the apology sent, the training given, the policy changed. */
  evidence: requiredText('evidence', OMBUDSMAN_LIMITS.evidence),
});

export type RecommendationDoneResult = { recommendationId: string; doneOn: IsoDate };

/** One of the Ombudsman's recommendations was done: when (not before the finding) and the evidence. */
export const completeOmbudsmanRecommendationMove: MoveUseCase<'complete_ombudsman_recommendation', z.output<typeof input>, RecommendationDoneResult> = {
  move: 'complete_ombudsman_recommendation',
  input,
  async apply({ tx, complaint, now }, { recommendationId, doneOn, evidence }) {
    const recommendation = await findOmbudsmanRecommendation(tx, complaint.id, recommendationId);
    if (!recommendation) throw new Refusal('not_found');
    if (recommendation.doneOn !== null) throw new Refusal('wrong_state');
    const referral = (await listOmbudsmanReferrals(tx, complaint.id)).find((r) => r.id === recommendation.referralId);
    const day = checkRecordedDay('doneOn', doneOn, { notBefore: (referral?.findingOn ?? referral?.referredOn ?? complaint.receivedOn) as IsoDate, today: londonDateOf(now) });
    if (!day.ok) throw Refusal.invalid([day.problem]);
    if (!(await recordRecommendationDone(tx, recommendationId, { doneOn: day.date, evidence }))) throw new Refusal('wrong_state');
    return {
      payload: { referralId: recommendation.referralId, recommendationId, doneOn: day.date },
      auditSubject: `ombudsman_recommendation:${recommendationId}`,
      result: { recommendationId, doneOn: day.date },
    };
  },
};

export function completeOmbudsmanRecommendation(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, completeOmbudsmanRecommendationMove, { complaintId }, raw);
}
