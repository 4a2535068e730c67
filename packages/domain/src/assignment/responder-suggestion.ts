import type { IsoDate } from '../calendar/index';
import type { Stage } from '../complaint/vocabulary';

/**
 * Who should answer a complaint. The manager closest to the casework knows it best: the manager of
 * the practitioner's team, else one in the service area, else one in the business area. At stage 2
 * the review must be independent, so whoever answered stage 1 is never offered and never accepted.
 */

export type ResponderCandidate = {
  id: string;
  fullName: string;
  teamId: string | null;
  serviceAreaId: string | null;
  businessAreaId: string | null;
};

/** Where the complaint's casework sits, and who has answered it before. */
export type AssignmentContext = {
  stage: Stage;
  teamId: string | null;
  serviceAreaId: string | null;
  businessAreaId: string | null;
  /** Everyone who was the responder at stage 1 (normally one person). */
  stageOneResponderIds: readonly string[];
};

export const SUGGESTION_REASONS = ['team', 'service_area', 'business_area', 'elsewhere'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

export type RankedCandidate<C extends ResponderCandidate = ResponderCandidate> = { candidate: C; reason: SuggestionReason };

function reasonFor(candidate: ResponderCandidate, context: AssignmentContext): SuggestionReason {
  if (context.teamId !== null && candidate.teamId === context.teamId) return 'team';
  if (context.serviceAreaId !== null && candidate.serviceAreaId === context.serviceAreaId) return 'service_area';
  if (context.businessAreaId !== null && candidate.businessAreaId === context.businessAreaId) return 'business_area';
  return 'elsewhere';
}

/** Whether a person may answer the complaint at its stage. */
export function mayRespond(candidateId: string, context: Pick<AssignmentContext, 'stage' | 'stageOneResponderIds'>): boolean {
  return !(context.stage === 2 && context.stageOneResponderIds.includes(candidateId));
}

/**
 * Every candidate who may respond, closest first; within the same closeness by name, then id, so
 * the order never depends on the order the candidates arrived in.
 */
export function rankResponders<C extends ResponderCandidate>(candidates: readonly C[], context: AssignmentContext): RankedCandidate<C>[] {
  const order = (reason: SuggestionReason) => SUGGESTION_REASONS.indexOf(reason);
  return candidates
    .filter((c) => mayRespond(c.id, context))
    .map((candidate) => ({ candidate, reason: reasonFor(candidate, context) }))
    .sort(
      (a, b) =>
        order(a.reason) - order(b.reason) ||
        a.candidate.fullName.localeCompare(b.candidate.fullName, 'en-GB') ||
        (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
    );
}

/** The one to suggest: the closest manager, or none when nobody is in the complaint's area at all. */
export function suggestResponder<C extends ResponderCandidate>(candidates: readonly C[], context: AssignmentContext): RankedCandidate<C> | null {
  const [first] = rankResponders(candidates, context);
  return first && first.reason !== 'elsewhere' ? first : null;
}

export type ResponderChoiceCheck = { ok: true } | { ok: false; reason: 'answered_stage_one' | 'not_a_candidate' };

/** Checks a chosen responder against the rules, whatever the form offered. */
export function checkResponderChoice(
  chosenId: string,
  candidates: readonly Pick<ResponderCandidate, 'id'>[],
  context: Pick<AssignmentContext, 'stage' | 'stageOneResponderIds'>,
): ResponderChoiceCheck {
  if (!mayRespond(chosenId, context)) return { ok: false, reason: 'answered_stage_one' };
  if (!candidates.some((c) => c.id === chosenId)) return { ok: false, reason: 'not_a_candidate' };
  return { ok: true };
}

/** The CSQ manager to suggest: the one for the complaint's business area. */
export function suggestCsqManager<C extends Pick<ResponderCandidate, 'id' | 'fullName' | 'businessAreaId'>>(
  csqManagers: readonly C[],
  businessAreaId: string | null,
): C | null {
  const inArea = csqManagers
    .filter((m) => businessAreaId !== null && m.businessAreaId === businessAreaId)
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'en-GB') || (a.id < b.id ? -1 : 1));
  return inArea[0] ?? null;
}

/**
 * Whether the complaint reached its manager within the working day of receipt: assigned on or
 * before the day it had to be passed on (London dates). Not yet assigned is "waiting" until that
 * day has passed, then "late".
 */
export type PassedToManager = 'in_time' | 'late' | 'waiting';

export function passedToManager(assignedOn: IsoDate | null, passToManagerDueOn: IsoDate, today: IsoDate): PassedToManager {
  if (assignedOn !== null) return assignedOn <= passToManagerDueOn ? 'in_time' : 'late';
  return today > passToManagerDueOn ? 'late' : 'waiting';
}
