import { complaintLearning, type ComplaintLearning } from '../learning/complaint-learning';
import { type AnsweredPoint, type CaseView, type HistoryVerification, listAnsweredPoints, loadCaseView, recordAudit, staffNames, verifyComplaintHistory } from '@complaints/db';
import {
  type HistoryEvent,
  type KindTimescale,
  londonDateOf,
  type PassedToManager,
  passedToManager,
  type RagStatus,
  ragStatus,
  readEvent,
  timescaleForKind,
  triageProgress,
} from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { type InvestigationRecord, loadInvestigationRecord } from '../investigation/investigation-record';
import { type OfferedMoves, offeredMoves } from '../lifecycle/offered-moves';
import { type CaseOmbudsmanReferral, caseOmbudsmanReferrals } from '../escalation/case-ombudsman';
import { type CaseManagementReview, caseManagementReviews } from '../management-review/case-management-reviews';
import { type CaseTimescales, caseTimescales } from '../timescales/case-timescales';
import { Refusal } from '../refusal';
import { loadProcessSettings } from '../settings/process-settings';
import { type CaseworkRequest, visibleComplaint } from './casework-context';

/** One event of the history, read with its move's schema, with who made it. */
export type TimelineEntry = Omit<CaseView['events'][number], 'payload' | 'type'> & { event: HistoryEvent; reason: string | null };

export type ComplaintPage = Omit<CaseView, 'events'> & {
  today: string;
  rag: RagStatus | null;
  timescale: KindTimescale;
  /** What this person may do now, asked of the lifecycle: on the complaint, and on each letter. */
  moves: Omit<OfferedMoves, 'facts'>;
  passedToManager: PassedToManager | null;
  triage: ReturnType<typeof triageProgress>;
  /** Each point raised up to this stage with its answer at this stage (null: not answered yet). */
  answers: AnsweredPoint[];
  /** The points' answers at stage 1, shown beside a stage 2 review. */
  stageOneAnswers: AnsweredPoint[] | null;
  timeline: TimelineEntry[];
  /** The hash chain of the history checked again as the page opens: evidence nothing was changed or removed. */
  history: HistoryVerification;
  /** Staff named by id in the history (who was assigned), by id. */
  names: Record<string, string>;
  /** Each stage's clock with its extension and the days it was paused, and why it is paused now. */
  clock: CaseTimescales;
  /** Management reviews of the case, the latest first. */
  managementReviews: CaseManagementReview[];
  /** The learning raised from it, the latest first. */
  learning: ComplaintLearning;
  /** Referrals to the Ombudsman, the latest first. */
  ombudsmanReferrals: CaseOmbudsmanReferral[];
  /** Notes and evidence, correspondence, corrections to their details, as this person may see them. */
  investigation: InvestigationRecord;
};

/** A complaint's page, for someone who may see it; opening it is recorded in the audit log. */
export async function viewComplaint(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<ComplaintPage> {
  const { actor } = request;
  const access = await visibleComplaint(deps.db, actor, complaintId);
  const [view, settings, offered, investigation] = await Promise.all([
    loadCaseView(deps.db, complaintId),
    loadProcessSettings(deps.db),
    offeredMoves(deps.db, request, access),
    loadInvestigationRecord(deps.db, actor, complaintId),
  ]);
  if (!view) throw new Refusal('not_found');
  const stage = view.summary.stage;
  const today = londonDateOf(deps.clock.now());
  const rag = (dueOn: string) => ragStatus(dueOn, today, settings.calendar, settings.timescales.reminder_window);
  const [answers, stageOneAnswers, clock, managementReviews, ombudsmanReferrals, history] = await Promise.all([
    listAnsweredPoints(deps.db, complaintId, stage),
    stage === 2 ? listAnsweredPoints(deps.db, complaintId, 1) : Promise.resolve(null),
    caseTimescales(deps.db, complaintId, view.summary.pausedSince !== null),
    caseManagementReviews(deps.db, complaintId),
    caseOmbudsmanReferrals(deps.db, complaintId, rag),
    verifyComplaintHistory(deps.db, complaintId),
  ]);
  const learning = await complaintLearning(deps.db, complaintId, today);
  const timeline = view.events.map(({ type, payload, ...rest }) => ({ ...rest, event: readEvent(type, payload) }));
  const mentioned = timeline.flatMap(({ event }) =>
    event.move === 'assign_responder' ? [event.payload.responderId, ...(event.payload.previousResponderId ? [event.payload.previousResponderId] : [])] : event.move === 'assign_csq_manager' ? [event.payload.csqManagerId] : [],
  );
  const names = await staffNames(deps.db, mentioned);
  await recordAudit(deps.db, { staffId: actor.id, action: 'complaint.viewed', complaintId, requestId: request.requestId });
  const stageOne = view.stages.find((s) => s.stage === 1);
  const { events: _events, ...rest } = view;
  return {
    ...rest,
    today,
    rag: view.summary.currentDueOn ? rag(view.summary.currentDueOn) : null,
    timescale: timescaleForKind(access.kind),
    moves: { complaint: offered.complaint, letters: offered.letters, next: offered.next },
    passedToManager:
      stageOne && timescaleForKind(access.kind) !== 'none'
        ? passedToManager(stageOne.assignedAt ? londonDateOf(stageOne.assignedAt) : null, stageOne.passToManagerDueOn, today)
        : null,
    triage: triageProgress(view.points),
    answers,
    stageOneAnswers,
    timeline,
    history,
    names: Object.fromEntries(names),
    clock,
    managementReviews,
    ombudsmanReferrals,
    learning,
    investigation,
  };
}
