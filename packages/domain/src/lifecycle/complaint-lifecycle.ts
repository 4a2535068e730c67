import type { ComplaintState, FeedbackKind, RoleKey, Stage } from '../complaint/vocabulary';

/**
 * The complaint lifecycle: every move a complaint can make, from which states, at which stages,
 * by whom, and the event it writes. Services ask `checkTransition` before they change anything;
 * the database stores the event; the timeline, audit and reports read the events.
 */

export type Actor = RoleKey | 'complainant' | 'system';

export type ComplaintAction =
  | 'submit'
  | 'log'
  | 'triage_point'
  | 'assign_responder'
  | 'assign_csq_manager'
  | 'acknowledge'
  | 'start_investigation'
  | 'record_management_review'
  | 'answer_point'
  | 'draft_response'
  | 'submit_for_quality_assurance'
  | 'approve_response'
  | 'return_response'
  | 'send_response'
  | 'extend'
  | 'pause_clock'
  | 'resume_clock'
  | 'add_information'
  | 'quality_assure_closure'
  | 'close'
  | 'request_stage_two'
  | 'refer_to_ombudsman'
  | 'record_ombudsman_outcome'
  | 'withdraw';

type Rule = {
  /** States the action may start from. */
  from: readonly ComplaintState[];
  /** The state it moves to; absent when the action records something without moving. */
  to?: ComplaintState;
  stages?: readonly Stage[];
  actors: readonly Actor[];
  /** The event type written for the action. */
  event: string;
  /** Whether the complainant sees the event on the tracking page. */
  visibility: 'public' | 'internal';
  /** Kinds of feedback the action applies to; all complaints when absent. */
  kinds?: readonly FeedbackKind[];
};

const OPEN: readonly ComplaintState[] = [
  'received',
  'logged',
  'acknowledged',
  'investigating',
  'response_drafted',
  'in_quality_assurance',
];
const BEFORE_ACK: readonly ComplaintState[] = ['received', 'logged'];
const WITH_MANAGER: readonly ComplaintState[] = ['acknowledged', 'investigating', 'response_drafted'];
const ADMIN: readonly Actor[] = ['csq_administrator', 'csq_manager', 'national_office'];
const MANAGER: readonly Actor[] = ['responding_manager', 'csq_manager', 'head_of_service', 'national_office'];

export const LIFECYCLE: Record<ComplaintAction, Rule> = {
  submit: { from: [], to: 'received', actors: ['complainant'], event: 'complaint.submitted', visibility: 'public' },
  log: { from: ['received'], to: 'logged', actors: ADMIN, event: 'complaint.logged', visibility: 'internal' },
  triage_point: { from: [...OPEN], actors: [...ADMIN, 'responding_manager'], event: 'point.triaged', visibility: 'internal' },
  assign_responder: {
    from: [...BEFORE_ACK, ...WITH_MANAGER],
    actors: [...ADMIN, 'head_of_service'],
    event: 'responder.assigned',
    visibility: 'public',
  },
  assign_csq_manager: { from: [...OPEN, 'response_sent'], actors: ADMIN, event: 'csq_manager.assigned', visibility: 'internal' },
  acknowledge: { from: BEFORE_ACK, to: 'acknowledged', actors: ADMIN, event: 'complaint.acknowledged', visibility: 'public' },
  start_investigation: { from: ['acknowledged'], to: 'investigating', actors: MANAGER, event: 'investigation.started', visibility: 'public' },
  record_management_review: {
    from: ['investigating', 'response_drafted'],
    actors: MANAGER,
    event: 'management_review.recorded',
    visibility: 'internal',
  },
  answer_point: { from: ['investigating', 'response_drafted'], actors: MANAGER, event: 'point.answered', visibility: 'internal' },
  draft_response: { from: ['investigating'], to: 'response_drafted', actors: MANAGER, event: 'response.drafted', visibility: 'internal' },
  submit_for_quality_assurance: {
    from: ['response_drafted'],
    to: 'in_quality_assurance',
    actors: MANAGER,
    event: 'response.submitted_for_quality_assurance',
    visibility: 'internal',
  },
  approve_response: { from: ['in_quality_assurance'], actors: ['csq_manager'], event: 'response.approved', visibility: 'internal' },
  return_response: {
    from: ['in_quality_assurance'],
    to: 'investigating',
    actors: ['csq_manager'],
    event: 'response.returned',
    visibility: 'internal',
  },
  send_response: {
    from: ['in_quality_assurance'],
    to: 'response_sent',
    actors: [...ADMIN, 'responding_manager'],
    event: 'response.sent',
    visibility: 'public',
  },
  extend: { from: [...OPEN], actors: [...MANAGER, ...ADMIN], event: 'timescale.extended', visibility: 'public' },
  pause_clock: { from: [...OPEN], actors: [...MANAGER, ...ADMIN], event: 'clock.paused', visibility: 'public' },
  resume_clock: { from: [...OPEN], actors: [...MANAGER, ...ADMIN, 'complainant'], event: 'clock.resumed', visibility: 'public' },
  add_information: {
    from: [...OPEN, 'response_sent'],
    actors: ['complainant', ...ADMIN],
    event: 'information.added',
    visibility: 'public',
  },
  quality_assure_closure: { from: ['response_sent'], actors: ['csq_manager'], event: 'closure.quality_assured', visibility: 'internal' },
  close: { from: ['response_sent'], to: 'closed', actors: ['csq_manager', 'national_office'], event: 'complaint.closed', visibility: 'public' },
  request_stage_two: {
    from: ['response_sent', 'closed'],
    to: 'received',
    stages: [1],
    actors: ['complainant', ...ADMIN],
    event: 'stage_two.requested',
    visibility: 'public',
    kinds: ['complaint'],
  },
  refer_to_ombudsman: {
    from: ['response_sent', 'closed'],
    to: 'with_ombudsman',
    actors: [...ADMIN],
    event: 'ombudsman.referred',
    visibility: 'public',
    kinds: ['complaint'],
  },
  record_ombudsman_outcome: {
    from: ['with_ombudsman'],
    to: 'closed',
    actors: ['csq_manager', 'national_office'],
    event: 'ombudsman.outcome_recorded',
    visibility: 'public',
  },
  withdraw: { from: [...OPEN], to: 'withdrawn', actors: ['complainant', ...ADMIN], event: 'complaint.withdrawn', visibility: 'public' },
};

export type TransitionRefusal =
  | { reason: 'wrong_state'; state: ComplaintState }
  | { reason: 'wrong_stage'; stage: Stage }
  | { reason: 'not_allowed_for_actor'; actor: Actor }
  | { reason: 'not_for_this_kind'; kind: FeedbackKind };

export type TransitionCheck =
  | { ok: true; to: ComplaintState; event: string; visibility: 'public' | 'internal'; stage: Stage }
  | ({ ok: false } & TransitionRefusal);

/** Decides whether an action may happen now. Area and assignment checks are the caller's (auth). */
export function checkTransition(
  action: ComplaintAction,
  complaint: { state: ComplaintState; stage: Stage; kind: FeedbackKind },
  actor: Actor,
): TransitionCheck {
  const rule = LIFECYCLE[action];
  if (!rule.actors.includes(actor)) return { ok: false, reason: 'not_allowed_for_actor', actor };
  if (rule.kinds && !rule.kinds.includes(complaint.kind)) return { ok: false, reason: 'not_for_this_kind', kind: complaint.kind };
  if (!rule.from.includes(complaint.state)) return { ok: false, reason: 'wrong_state', state: complaint.state };
  if (rule.stages && !rule.stages.includes(complaint.stage)) return { ok: false, reason: 'wrong_stage', stage: complaint.stage };
  const stage: Stage = action === 'request_stage_two' ? 2 : complaint.stage;
  return { ok: true, to: rule.to ?? complaint.state, event: rule.event, visibility: rule.visibility, stage };
}

/** The actions open to an actor now: what a case page offers as buttons. */
export function availableActions(
  complaint: { state: ComplaintState; stage: Stage; kind: FeedbackKind },
  actor: Actor,
): ComplaintAction[] {
  return (Object.keys(LIFECYCLE) as ComplaintAction[]).filter((a) => checkTransition(a, complaint, actor).ok);
}

/**
 * A path through the lifecycle from submission to the given state, used to build a consistent
 * history (demo data, tests). Each step is an action the lifecycle allows.
 */
export function pathTo(target: ComplaintState, stage: Stage): ComplaintAction[] {
  const stageOne: ComplaintAction[] = [
    'log',
    'assign_responder',
    'acknowledge',
    'start_investigation',
    'draft_response',
    'submit_for_quality_assurance',
    'approve_response',
    'send_response',
  ];
  const upTo = (state: ComplaintState, steps: ComplaintAction[]): ComplaintAction[] => {
    const out: ComplaintAction[] = [];
    let current: ComplaintState = 'received';
    for (const step of steps) {
      if (current === state) break;
      out.push(step);
      current = LIFECYCLE[step].to ?? current;
    }
    return out;
  };
  const endings: Partial<Record<ComplaintState, ComplaintAction[]>> = {
    closed: [...stageOne, 'quality_assure_closure', 'close'],
    withdrawn: ['log', 'withdraw'],
    with_ombudsman: [...stageOne, 'refer_to_ombudsman'],
  };
  if (stage === 1) return endings[target] ?? upTo(target, stageOne);
  const first = [...stageOne, 'request_stage_two'] as ComplaintAction[];
  const second = endings[target] ?? upTo(target, stageOne);
  return [...first, ...second];
}
