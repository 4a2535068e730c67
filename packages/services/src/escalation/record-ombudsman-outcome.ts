import { findOpenOmbudsmanReferral, insertOmbudsmanRecommendations, recordOmbudsmanFinding } from '@complaints/db';
import { checkRecordedDay, type EnteredDay, type IsoDate, isIsoDate, judgeRecommendations, londonDateOf, OMBUDSMAN_FINDINGS, OMBUDSMAN_LIMITS, type OmbudsmanFinding, optionalText } from '@complaints/domain';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { enteredDay } from '../timescales/entered-day';

const recommendationRow = z.object({ action: z.string().optional(), owner: z.string().optional(), dueOn: z.string().optional() });

const input = z.object({
  finding: z.enum(OMBUDSMAN_FINDINGS, { error: 'finding.required' }),
  /** The day of the Ombudsman's decision. */
  findingOn: enteredDay('findingOn'),
  /** What the Ombudsman said, in their words or a faithful summary. */
  summary: optionalText('summary', OMBUDSMAN_LIMITS.recommendations),
  /** Each recommendation to act on: the action, who owns it and by when. */
  recommendations: z.array(recommendationRow).max(OMBUDSMAN_LIMITS.recommendationCount + 5, { error: 'recommendations.tooMany' }).default([]),
});

export type OmbudsmanOutcomeResult = { referralId: string; finding: OmbudsmanFinding; findingOn: IsoDate; recommendations: number };

/** A due date as typed: a date, nothing, or something that is not a date (`dateFromParts` gives the same words). */
function enteredDue(value: string | undefined): EnteredDay | '' {
  const v = (value ?? '').trim();
  if (v === '') return '';
  if (v === 'missing' || v === 'invalid') return v;
  return isIsoDate(v) ? v : 'invalid';
}

/**
 * What the Ombudsman found (not upheld, upheld, partly upheld, settled or discontinued), on what
 * day, what they said, and each recommendation with its action, owner and due date: recorded
 * against the referral, and the complaint is closed again.
 */
export const recordOmbudsmanOutcomeMove: MoveUseCase<'record_ombudsman_outcome', z.output<typeof input>, OmbudsmanOutcomeResult> = {
  move: 'record_ombudsman_outcome',
  input,
  async apply({ tx, complaint, now }, { finding, findingOn, summary, recommendations }) {
    const referral = await findOpenOmbudsmanReferral(tx, complaint.id);
    // A complaint is with the Ombudsman only through a referral; without one there is nothing to record against.
    if (!referral) throw new Refusal('wrong_state');
    const day = checkRecordedDay('findingOn', findingOn, { notBefore: referral.referredOn, today: londonDateOf(now) });
    const judged = judgeRecommendations(
      recommendations.map((r) => ({ action: r.action, owner: r.owner, dueOn: enteredDue(r.dueOn) })),
      day.ok ? day.date : null,
    );
    const problems = [...(day.ok ? [] : [day.problem]), ...(judged.ok ? [] : judged.problems)];
    if (!day.ok || !judged.ok) throw Refusal.invalid(problems);
    await recordOmbudsmanFinding(tx, referral.id, { finding, findingOn: day.date, summary: summary ?? null });
    await insertOmbudsmanRecommendations(tx, { referralId: referral.id, complaintId: complaint.id, at: now }, judged.recommendations);
    const count = judged.recommendations.length;
    return {
      payload: { referralId: referral.id, finding, findingOn: day.date, recommendations: count },
      changes: { closedAt: complaint.closedAt ?? now, currentDueOn: null },
      auditSubject: `ombudsman_referral:${referral.id}`,
      result: { referralId: referral.id, finding, findingOn: day.date, recommendations: count },
    };
  },
};

export function recordOmbudsmanOutcome(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, recordOmbudsmanOutcomeMove, { complaintId }, raw);
}
