import {
  findCaseSummary,
  findComplaintForMoves,
  findManagerContact,
  listAnsweredPoints,
  listCaseEvents,
  listCaseLetters,
  listCaseStages,
  loadMoveFacts,
} from '@complaints/db';
import {
  checkMove,
  type ComplaintState,
  type FeedbackKind,
  type IsoDate,
  type LetterKind,
  type PointDecision,
  type PublicProgress,
  publicProgress,
  type Stage,
  type TriageOutcome,
} from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { Refusal } from '../refusal';
import type { TrackingSession } from './tracking-session';

/** The moves the complainant may make from the tracking page. */
export const COMPLAINANT_MOVES = ['add_information', 'request_stage_two', 'withdraw', 'answer_survey'] as const;
export type ComplainantMove = (typeof COMPLAINANT_MOVES)[number];

export type TrackedEvent = {
  type: string;
  stage: Stage;
  occurredAt: Date;
  /** For a letter sent, which letter; for an extension or a pause, the new date and why. */
  letterKind?: LetterKind;
  dueOn?: IsoDate;
  reason?: string;
};

export type TrackedPoint = {
  position: number;
  text: string;
  triage: TriageOutcome | null;
  /** The answer given in a response that has been sent; null until then. */
  answer: { stage: Stage; decision: PointDecision; reasons: string; whatShouldHaveHappened: string | null; whatHappened: string | null; remedy: string | null; actions: string[] } | null;
};

export type TrackingPage = {
  reference: string;
  kind: FeedbackKind;
  state: ComplaintState;
  stage: Stage;
  progress: PublicProgress;
  language: 'en' | 'cy';
  audience: 'adult' | 'child';
  nation: 'england' | 'wales' | null;
  receivedOn: IsoDate;
  /** Who is dealing with it now and how to reach them; null before a manager has it. */
  manager: { name: string; jobTitle: string | null; email: string; phone: string | null } | null;
  /** The next date something is owed; null when nothing is. */
  dueOn: IsoDate | null;
  extension: { responseDueOn: IsoDate; originalResponseDueOn: IsoDate; reason: string | null } | null;
  pause: { since: Date; reason: string | null } | null;
  timeline: TrackedEvent[];
  letters: Array<{ id: string; kind: LetterKind; stage: Stage; sentAt: Date | null; delivery: 'email' | 'post' }>;
  points: TrackedPoint[];
  moves: Record<ComplainantMove, boolean>;
};

/**
 * Everything the complainant's tracking page shows, for the one complaint their session opened:
 * where it is in plain steps, who is dealing with it, the next date owed, any extension or pause
 * and why, the public events only (never notes, reviews or staff other than the manager), the
 * letters sent, the points with their answers once the answer has been sent, and the moves the
 * lifecycle allows them now.
 */
export async function viewTracking(deps: Pick<ServiceDependencies, 'db'>, session: TrackingSession): Promise<TrackingPage> {
  const { complaintId } = session;
  const [summary, stages, events, letters, moveRow] = await Promise.all([
    findCaseSummary(deps.db, complaintId),
    listCaseStages(deps.db, complaintId),
    listCaseEvents(deps.db, complaintId),
    listCaseLetters(deps.db, complaintId),
    findComplaintForMoves(deps.db, complaintId),
  ]);
  if (!summary || !moveRow) throw new Refusal('not_found');
  const facts = await loadMoveFacts(deps.db, moveRow);
  const manager = summary.responderId ? await findManagerContact(deps.db, summary.responderId) : null;
  const current = stages.find((s) => s.stage === summary.stage) ?? null;
  const publicEvents = events.filter((e) => e.visibility === 'public');
  const lastOf = (type: string) => publicEvents.filter((e) => e.type === type && e.stage === summary.stage).at(-1);

  // The answers of the latest stage whose response has been sent; before any, the points alone.
  const sentStage = stages.filter((s) => s.responseSentAt !== null).at(-1)?.stage ?? null;
  const latest = await listAnsweredPoints(deps.db, complaintId, sentStage ?? summary.stage);
  const points: TrackedPoint[] = latest.map((p) => ({
    position: p.position,
    text: p.text,
    triage: p.triage,
    answer:
      sentStage !== null && p.answer
        ? {
            stage: sentStage,
            decision: p.answer.decision,
            reasons: p.answer.reasons,
            whatShouldHaveHappened: p.answer.whatShouldHaveHappened,
            whatHappened: p.answer.whatHappened,
            remedy: p.answer.remedy,
            actions: p.actions.map((a) => a.description),
          }
        : null,
  }));

  return {
    reference: summary.reference,
    kind: summary.kind,
    state: summary.state,
    stage: summary.stage,
    progress: publicProgress(summary.state),
    language: summary.language,
    audience: summary.audience,
    nation: summary.nation,
    receivedOn: summary.receivedOn as IsoDate,
    manager: manager ? { name: manager.fullName, jobTitle: manager.jobTitle, email: manager.email, phone: manager.phone } : null,
    // With the Ombudsman, the due date is our reply to them: nothing the complainant is owed by us.
    dueOn: summary.state === 'with_ombudsman' ? null : ((summary.currentDueOn as IsoDate | null) ?? null),
    extension:
      current?.extendedAt && current.responseDueOn !== current.originalResponseDueOn
        ? { responseDueOn: current.responseDueOn as IsoDate, originalResponseDueOn: current.originalResponseDueOn as IsoDate, reason: lastOf('timescale.extended')?.reason ?? null }
        : null,
    pause: summary.pausedSince ? { since: summary.pausedSince, reason: lastOf('clock.paused')?.reason ?? null } : null,
    timeline: publicEvents.map((e) => trackedEvent(e)),
    letters: letters.filter((l) => l.state === 'sent').map((l) => ({ id: l.id, kind: l.kind, stage: l.stage, sentAt: l.sentAt, delivery: l.delivery })),
    points,
    moves: Object.fromEntries(COMPLAINANT_MOVES.map((m) => [m, checkMove(m, facts, { type: 'complainant' }).ok])) as Record<ComplainantMove, boolean>,
  };
}

function trackedEvent(e: { type: string; stage: Stage; occurredAt: Date; reason: string | null; payload: Record<string, unknown> }): TrackedEvent {
  const event: TrackedEvent = { type: e.type, stage: e.stage, occurredAt: e.occurredAt };
  if (e.type === 'letter.sent' && typeof e.payload.kind === 'string') event.letterKind = e.payload.kind as LetterKind;
  if (e.type === 'timescale.extended' && typeof e.payload.newDueOn === 'string') event.dueOn = e.payload.newDueOn as IsoDate;
  if ((e.type === 'timescale.extended' || e.type === 'clock.paused') && e.reason) event.reason = e.reason;
  return event;
}
