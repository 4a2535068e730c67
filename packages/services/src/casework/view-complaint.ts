import { canWorkOnComplaint } from '@complaints/auth';
import { type CaseView, loadCaseView, recordAudit, staffNames } from '@complaints/db';
import {
  type AcknowledgementRefusal,
  type ComplaintAction,
  type PassedToManager,
  type RagStatus,
  availableActions,
  checkAcknowledgement,
  londonDateOf,
  passedToManager,
  ragStatus,
  timescaleForKind,
  triageProgress,
  type KindTimescale,
} from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { loadProcessSettings } from '../settings/process-settings';
import { accessScope, ComplaintNotFoundError, type CaseworkRequest, visibleComplaint } from './casework-context';
import { PRINTERS } from './print-letter';

/** The actions the case page offers; the rest of the lifecycle has its own pages elsewhere. */
const CASEWORK_ACTIONS: readonly ComplaintAction[] = ['log', 'triage_point', 'assign_responder', 'assign_csq_manager', 'acknowledge'];

export type ComplaintPage = CaseView & {
  today: string;
  rag: RagStatus | null;
  timescale: KindTimescale;
  actions: ComplaintAction[];
  /** Why the acknowledgement cannot go yet, when it is otherwise due. */
  acknowledgementBlocked: AcknowledgementRefusal | null;
  passedToManager: PassedToManager | null;
  triage: ReturnType<typeof triageProgress>;
  /** Staff named by id in the history (who was assigned), by id. */
  names: Record<string, string>;
  /** Whether this person prints and posts this complaint's letters. */
  mayPrintLetters: boolean;
};

/** A complaint's page, for someone who may see it; opening it is recorded in the audit log. */
export async function viewComplaint(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<ComplaintPage> {
  const { actor } = request;
  const facts = await visibleComplaint(deps.db, actor, complaintId);
  const view = await loadCaseView(deps.db, complaintId);
  if (!view) throw new ComplaintNotFoundError();
  const settings = await loadProcessSettings(deps.db);
  const today = londonDateOf(deps.clock.now());
  const mayWork = canWorkOnComplaint(actor, accessScope(facts));
  const actions = mayWork ? availableActions(facts, actor.role).filter((a) => CASEWORK_ACTIONS.includes(a)) : [];
  const offered = timescaleForKind(facts.kind) === 'none' ? actions.filter((a) => a !== 'acknowledge' && a !== 'assign_responder') : actions;
  const ack = checkAcknowledgement({ kind: facts.kind, responderId: facts.responderId });
  const stageOne = view.stages.find((s) => s.stage === 1);
  const mentioned = view.events.flatMap((e) => ['responderId', 'csqManagerId', 'previousResponderId'].map((k) => e.payload[k]).filter((v): v is string => typeof v === 'string'));
  const names = await staffNames(deps.db, mentioned);
  await recordAudit(deps.db, { staffId: actor.id, action: 'complaint.viewed', complaintId, requestId: request.requestId });
  return {
    ...view,
    today,
    rag: view.summary.currentDueOn ? ragStatus(view.summary.currentDueOn, today, settings.calendar, settings.timescales.reminder_window) : null,
    timescale: timescaleForKind(facts.kind),
    actions: offered,
    acknowledgementBlocked: offered.includes('acknowledge') && !ack.ok ? ack.reason : null,
    passedToManager:
      stageOne && timescaleForKind(facts.kind) !== 'none'
        ? passedToManager(stageOne.assignedAt ? londonDateOf(stageOne.assignedAt) : null, stageOne.passToManagerDueOn, today)
        : null,
    triage: triageProgress(view.points),
    names: Object.fromEntries(names),
    mayPrintLetters: mayWork && (PRINTERS as readonly string[]).includes(actor.role),
  };
}
