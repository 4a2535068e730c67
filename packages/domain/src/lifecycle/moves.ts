import { z } from 'zod';
import { isIsoDate } from '../calendar/index';
import {
  BEFORE_ACKNOWLEDGEMENT,
  CASE_NOTE_KINDS,
  CHANNELS,
  type ComplaintState,
  CORRESPONDENCE_DIRECTIONS,
  CORRESPONDENCE_METHODS,
  FEEDBACK_KINDS,
  type FeedbackKind,
  LETTER_KINDS,
  type LetterKind,
  type LetterState,
  OMBUDSMAN_FINDINGS,
  OMBUDSMEN,
  OPEN_STATES,
  POINT_DECISIONS,
  type Stage,
  TRIAGE_OUTCOMES,
} from '../complaint/vocabulary';
import { LEARNING_LEVELS, LEARNING_SOURCE_KINDS } from '../learning/learning';
import type { CaseworkCapability } from './capabilities';

/**
 * The complaint lifecycle: every change that can happen to a complaint, as one table. Each move
 * says who may make it (a capability, or the complainant themselves), from which states, at which
 * stages and for which kinds of feedback, what it needs of a letter when it acts on one, the
 * further conditions it must meet (guards), whether it needs a reason, and the event it writes:
 * its type, its payload's schema and whether the complainant sees it on the tracking page.
 *
 * The executor in `packages/services` runs every move through this table in one transaction; the
 * case page asks the same table which moves to offer. Nothing else decides either.
 */

const isoDate = z.string().refine(isIsoDate, { error: 'date.invalid' });
const id = z.guid();

/** Conditions a move must meet beyond state and stage; each is checked against the facts read under lock. */
export const GUARDS = [
  'responder_assigned',
  'every_point_triaged',
  'every_point_answered',
  'draft_current',
  'not_letter_author',
  'independent_of_stage_one',
  'letter_of_this_stage',
  'no_letter_waiting',
  'letter_posted',
  'not_extended',
  'clock_running',
  'clock_paused',
  'closure_check_complete',
  'no_stage_two_yet',
  'survey_not_answered',
] as const;
export type Guard = (typeof GUARDS)[number];

/** The states in which staff may still record things about a complaint. */
const ON_FILE: readonly ComplaintState[] = [...OPEN_STATES, 'response_sent', 'closed', 'withdrawn', 'with_ombudsman'];
/** Kinds of feedback that are owed a reply, so have a manager, an acknowledgement and due dates. */
const ANSWERED_KINDS: readonly FeedbackKind[] = ['complaint', 'correspondence'];
/** Where the manager is at work on the response. */
const INVESTIGATING: readonly ComplaintState[] = ['investigating', 'response_drafted'];
/**
 * Where answers may still be given and the response drafted again: also once the response is
 * approved and not yet sent, for a point the complainant added meanwhile (the approved letter
 * cannot go until it answers it).
 */
const ANSWERING: readonly ComplaintState[] = [...INVESTIGATING, 'response_approved'];

export type MoveRule = {
  /**
   * What a member of staff needs to make the move (who holds it is `packages/auth`'s to say).
   * Absent for a move only the complainant can make.
   */
  capability?: CaseworkCapability;
  /** Whether the complainant may make it themselves, from the tracking page. */
  complainant?: true;
  /** Whether the service makes it itself, with no person behind it (retention). */
  system?: true;
  /** States the move may start from. */
  from: readonly ComplaintState[];
  /**
   * The state it moves the complaint to. Absent: it records something without moving it.
   * `by_letter`: the letter it acts on decides (see LETTER_EFFECTS), when it carries the complaint.
   */
  to?: ComplaintState | 'by_letter';
  stages?: readonly Stage[];
  kinds?: readonly FeedbackKind[];
  /** For a move on one letter: the letter states it may start from, the state it leaves it in, and its kinds. */
  letter?: { from: readonly LetterState[]; to?: LetterState; kinds?: readonly LetterKind[] };
  guards?: readonly Guard[];
  /** Whether the person must say why (kept as the event's reason). */
  reason?: 'required' | 'optional';
  event: { type: string; visibility: 'public' | 'internal'; payload: z.ZodType };
};

const letterRef = { letterId: id, kind: z.enum(LETTER_KINDS), version: z.number().int().positive() };

export const MOVES = {
  submit: {
    capability: 'log_complaint',
    complainant: true,
    from: [],
    to: 'received',
    event: {
      type: 'complaint.submitted',
      visibility: 'public',
      payload: z.object({ channel: z.enum(CHANNELS), points: z.number().int().min(0).optional(), kind: z.enum(FEEDBACK_KINDS).optional() }),
    },
  },
  log: {
    capability: 'log_complaint',
    from: ['received'],
    to: 'logged',
    event: {
      type: 'complaint.logged',
      visibility: 'internal',
      payload: z.object({
        routed: z.boolean().optional(),
        channel: z.enum(CHANNELS).optional(),
        kind: z.enum(FEEDBACK_KINDS).optional(),
        receivedOn: isoDate.optional(),
      }),
    },
  },
  triage_point: {
    capability: 'triage_points',
    from: OPEN_STATES,
    event: { type: 'point.triaged', visibility: 'internal', payload: z.object({ pointId: id, outcome: z.enum(TRIAGE_OUTCOMES), category: z.string(), practitionerId: id.optional() }) },
  },
  assign_responder: {
    capability: 'assign_responders',
    from: [...BEFORE_ACKNOWLEDGEMENT, ...INVESTIGATING, 'acknowledged'],
    kinds: ANSWERED_KINDS,
    event: { type: 'responder.assigned', visibility: 'public', payload: z.object({ responderId: id, previousResponderId: id.optional() }) },
  },
  assign_csq_manager: {
    capability: 'assign_csq_managers',
    from: [...OPEN_STATES, 'response_sent'],
    event: { type: 'csq_manager.assigned', visibility: 'internal', payload: z.object({ csqManagerId: id }) },
  },
  prepare_acknowledgement: {
    capability: 'acknowledge_complaints',
    from: BEFORE_ACKNOWLEDGEMENT,
    kinds: ANSWERED_KINDS,
    guards: ['responder_assigned', 'no_letter_waiting'],
    event: {
      type: 'acknowledgement.prepared',
      visibility: 'internal',
      payload: z.object({ ...letterRef, templateVersion: z.number().int().positive(), approvedAutomatically: z.boolean() }),
    },
  },
  start_investigation: {
    capability: 'investigate',
    from: ['acknowledged'],
    to: 'investigating',
    kinds: ['complaint'],
    guards: ['independent_of_stage_one'],
    event: { type: 'investigation.started', visibility: 'public', payload: z.object({}) },
  },
  add_case_note: {
    capability: 'investigate',
    from: ON_FILE,
    event: { type: 'note.added', visibility: 'internal', payload: z.object({ noteId: id, kind: z.enum(CASE_NOTE_KINDS), attachmentId: id.optional() }) },
  },
  record_correspondence: {
    capability: 'record_correspondence',
    from: ON_FILE,
    event: {
      type: 'correspondence.recorded',
      visibility: 'internal',
      payload: z.object({
        correspondenceId: id,
        direction: z.enum(CORRESPONDENCE_DIRECTIONS),
        method: z.enum(CORRESPONDENCE_METHODS),
        occurredOn: isoDate,
        attachmentId: id.optional(),
      }),
    },
  },
  correct_complainant_details: {
    capability: 'correct_complainant_details',
    from: ON_FILE,
    reason: 'required',
    event: { type: 'complainant.corrected', visibility: 'internal', payload: z.object({ correctionId: id, fields: z.array(z.string()).min(1) }) },
  },
  answer_point: {
    capability: 'investigate',
    from: ANSWERING,
    kinds: ['complaint'],
    guards: ['independent_of_stage_one'],
    event: {
      type: 'point.answered',
      visibility: 'internal',
      payload: z.object({ pointId: id, decision: z.enum(POINT_DECISIONS), actions: z.number().int().min(0) }),
    },
  },
  record_management_review: {
    capability: 'investigate',
    from: [...INVESTIGATING, 'in_quality_assurance', 'response_approved', 'response_sent'],
    kinds: ['complaint'],
    event: {
      type: 'management_review.recorded',
      visibility: 'internal',
      payload: z.object({
        reviewId: id,
        practitionerId: id.nullable(),
        teamId: id.nullable(),
        overallGrade: z.string().nullable(),
        frameworkVersion: z.number().int().positive().optional(),
        pointId: id.optional(),
      }),
    },
  },
  // Learning raised from the complaint (or its review or referral) is part of its record. Later
  // changes to the learning point's status are the learning log's own, not moves: see
  // `packages/domain/src/learning/README.md`.
  raise_learning: {
    capability: 'record_learning',
    from: ON_FILE,
    event: {
      type: 'learning.raised',
      visibility: 'internal',
      payload: z.object({ learningPointId: id, level: z.enum(LEARNING_LEVELS), source: z.enum(LEARNING_SOURCE_KINDS), sourceId: id, dueOn: isoDate }),
    },
  },
  draft_response: {
    capability: 'investigate',
    from: ANSWERING,
    to: 'response_drafted',
    kinds: ['complaint'],
    guards: ['independent_of_stage_one', 'every_point_answered'],
    event: { type: 'response.drafted', visibility: 'internal', payload: z.object({ ...letterRef, templateVersion: z.number().int().positive() }) },
  },
  write_letter: {
    capability: 'write_letters',
    from: [...OPEN_STATES, 'response_sent'],
    event: { type: 'letter.written', visibility: 'internal', payload: z.object({ ...letterRef, templateVersion: z.number().int().positive() }) },
  },
  submit_letter: {
    capability: 'write_letters',
    from: [...OPEN_STATES, 'response_sent'],
    to: 'by_letter',
    letter: { from: ['draft'], to: 'in_quality_assurance' },
    guards: ['letter_of_this_stage', 'independent_of_stage_one', 'every_point_answered', 'draft_current'],
    event: { type: 'letter.submitted', visibility: 'internal', payload: z.object(letterRef) },
  },
  approve_letter: {
    capability: 'quality_assure_letters',
    from: [...OPEN_STATES, 'response_sent'],
    to: 'by_letter',
    letter: { from: ['in_quality_assurance'], to: 'approved' },
    guards: ['letter_of_this_stage', 'not_letter_author', 'every_point_answered', 'draft_current'],
    event: { type: 'letter.approved', visibility: 'internal', payload: z.object({ ...letterRef, reviewId: id }) },
  },
  return_letter: {
    capability: 'quality_assure_letters',
    from: [...OPEN_STATES, 'response_sent'],
    to: 'by_letter',
    letter: { from: ['in_quality_assurance'], to: 'returned' },
    guards: ['letter_of_this_stage', 'not_letter_author'],
    event: { type: 'letter.returned', visibility: 'internal', payload: z.object({ ...letterRef, reviewId: id }) },
  },
  send_letter: {
    capability: 'send_letters',
    from: [...OPEN_STATES, 'response_sent'],
    to: 'by_letter',
    letter: { from: ['approved'], to: 'sent' },
    // Approved, and still what the answers say, and every point answered: a point added or an
    // answer changed after approval keeps the response from going until it is drafted again.
    guards: ['letter_of_this_stage', 'every_point_answered', 'draft_current'],
    event: { type: 'letter.sent', visibility: 'public', payload: z.object({ ...letterRef, delivery: z.enum(['email', 'post']) }) },
  },
  print_letter: {
    capability: 'print_letters',
    from: ON_FILE,
    letter: { from: ['sent'] },
    guards: ['letter_posted'],
    event: { type: 'letter.printed', visibility: 'internal', payload: z.object({ ...letterRef, trackingCode: z.boolean() }) },
  },
  extend: {
    capability: 'manage_timescales',
    from: [...OPEN_STATES.filter((s) => !BEFORE_ACKNOWLEDGEMENT.includes(s))],
    // The extension letter is about the complaints procedure (and the Ombudsman's part in it).
    kinds: ['complaint'],
    guards: ['not_extended', 'clock_running'],
    reason: 'required',
    event: {
      type: 'timescale.extended',
      visibility: 'public',
      payload: z.object({ previousDueOn: isoDate, newDueOn: isoDate, letterId: id }),
    },
  },
  pause_clock: {
    capability: 'manage_timescales',
    from: [...OPEN_STATES.filter((s) => !BEFORE_ACKNOWLEDGEMENT.includes(s))],
    kinds: ANSWERED_KINDS,
    guards: ['clock_running'],
    reason: 'required',
    // Where we asked, as "letter:<id>" (sent from the case) or "correspondence:<id>" (recorded as sent).
    event: { type: 'clock.paused', visibility: 'public', payload: z.object({ pausedOn: isoDate, askedIn: z.string().regex(/^(letter|correspondence):[0-9a-f-]{36}$/) }) },
  },
  resume_clock: {
    capability: 'manage_timescales',
    complainant: true,
    from: OPEN_STATES,
    kinds: ANSWERED_KINDS,
    guards: ['clock_paused'],
    event: {
      type: 'clock.resumed',
      visibility: 'public',
      payload: z.object({ resumedOn: isoDate, pausedWorkingDays: z.number().int().min(0), previousDueOn: isoDate, newDueOn: isoDate, correspondenceId: id.optional() }),
    },
  },
  add_information: {
    capability: 'act_for_complainant',
    complainant: true,
    from: [...OPEN_STATES, 'response_sent'],
    event: {
      type: 'information.added',
      visibility: 'public',
      payload: z.object({ correspondenceId: id, pointIds: z.array(id), attachmentIds: z.array(id).optional() }),
    },
  },
  withdraw: {
    capability: 'act_for_complainant',
    complainant: true,
    from: OPEN_STATES,
    to: 'withdrawn',
    reason: 'optional',
    event: { type: 'complaint.withdrawn', visibility: 'public', payload: z.object({}) },
  },
  request_stage_two: {
    capability: 'act_for_complainant',
    complainant: true,
    from: ['response_sent', 'closed'],
    to: 'received',
    stages: [1],
    kinds: ['complaint'],
    guards: ['no_stage_two_yet'],
    // The complainant need not give a reason for asking for a review.
    reason: 'optional',
    event: {
      type: 'stage_two.requested',
      visibility: 'public',
      payload: z.object({ requestedOn: isoDate, acknowledgeDueOn: isoDate, responseDueOn: isoDate }),
    },
  },
  // Only the complainant can say how the handling of their complaint felt: no member of staff makes this move.
  answer_survey: {
    complainant: true,
    from: ['closed'],
    kinds: ['complaint'],
    guards: ['survey_not_answered'],
    // The answers are kept for the reports, not in the history.
    event: { type: 'survey.answered', visibility: 'public', payload: z.object({}) },
  },
  quality_assure_closure: {
    capability: 'quality_assure_closure',
    from: ['response_sent'],
    event: { type: 'closure.checked', visibility: 'internal', payload: z.object({ reviewId: id, complete: z.boolean() }) },
  },
  close: {
    capability: 'close_complaints',
    from: ['response_sent'],
    to: 'closed',
    guards: ['closure_check_complete'],
    event: { type: 'complaint.closed', visibility: 'public', payload: z.object({ reviewId: id }) },
  },
  // Retention, once the schedule has run out: the complainant's details and every free text are
  // cleared, the files removed, and the history's reasons cleared and signed again. What the
  // reports count is kept. The payload says how much was cleared, never what.
  anonymise: {
    system: true,
    from: ['closed', 'withdrawn'],
    event: {
      type: 'complaint.anonymised',
      visibility: 'internal',
      payload: z.object({
        files: z.number().int().min(0),
        letters: z.number().int().min(0),
        emails: z.number().int().min(0),
        reasons: z.number().int().min(0),
      }),
    },
  },
  refer_to_ombudsman: {
    capability: 'refer_to_ombudsman',
    from: ['response_sent', 'closed'],
    to: 'with_ombudsman',
    kinds: ['complaint'],
    event: {
      type: 'ombudsman.referred',
      visibility: 'public',
      // The referral comes with the Ombudsman's first enquiry and its deadline (a referral recorded
      // before deadlines were kept has neither in its event).
      payload: z.object({ referralId: id, ombudsman: z.enum(OMBUDSMEN), referredOn: isoDate, replyDueOn: isoDate.optional(), enquiryId: id.optional() }),
    },
  },
  record_ombudsman_enquiry: {
    capability: 'refer_to_ombudsman',
    from: ['with_ombudsman'],
    event: {
      type: 'ombudsman.enquiry_received',
      visibility: 'internal',
      payload: z.object({ referralId: id, enquiryId: id, receivedOn: isoDate, dueOn: isoDate }),
    },
  },
  reply_to_ombudsman: {
    capability: 'refer_to_ombudsman',
    from: ['with_ombudsman'],
    event: {
      type: 'ombudsman.reply_sent',
      visibility: 'internal',
      payload: z.object({ referralId: id, enquiryId: id, sentOn: isoDate, onTime: z.boolean() }),
    },
  },
  record_ombudsman_outcome: {
    capability: 'record_ombudsman_outcome',
    from: ['with_ombudsman'],
    to: 'closed',
    event: {
      type: 'ombudsman.outcome_recorded',
      visibility: 'public',
      payload: z.object({ referralId: id, finding: z.enum(OMBUDSMAN_FINDINGS), findingOn: isoDate, recommendations: z.number().int().min(0).optional() }),
    },
  },
  complete_ombudsman_recommendation: {
    capability: 'record_ombudsman_outcome',
    // Recommendations follow the finding, which closes the complaint; a later referral reopens it with the Ombudsman.
    from: ['closed', 'with_ombudsman'],
    kinds: ['complaint'],
    event: {
      type: 'ombudsman.recommendation_done',
      visibility: 'internal',
      payload: z.object({ referralId: id, recommendationId: id, doneOn: isoDate }),
    },
  },
} as const satisfies Record<string, MoveRule>;

export type Move = keyof typeof MOVES;
export const MOVE_NAMES = Object.keys(MOVES) as Move[];

/** The payload a move's event carries, as its schema reads it. */
export type MovePayload<M extends Move> = z.output<(typeof MOVES)[M]['event']['payload']>;

/**
 * What a letter's moves do to the complaint it belongs to. The acknowledgement going out
 * acknowledges the complaint; the response moves it through quality assurance to "response sent";
 * a holding, extension or closure letter leaves it where it is.
 */
export const LETTER_EFFECTS: Partial<Record<LetterKind, Partial<Record<'submit_letter' | 'approve_letter' | 'return_letter' | 'send_letter', ComplaintState>>>> = {
  acknowledgement: { send_letter: 'acknowledged' },
  stage_2_acknowledgement: { send_letter: 'acknowledged' },
  non_service_user_acknowledgement: { send_letter: 'acknowledged' },
  stage_1_response: { submit_letter: 'in_quality_assurance', approve_letter: 'response_approved', return_letter: 'investigating', send_letter: 'response_sent' },
  stage_2_response: { submit_letter: 'in_quality_assurance', approve_letter: 'response_approved', return_letter: 'investigating', send_letter: 'response_sent' },
  non_service_user_reply: { send_letter: 'response_sent' },
};

/** The response letter of a stage: the one that must answer every point. */
export function responseLetterKind(stage: Stage): LetterKind {
  return stage === 1 ? 'stage_1_response' : 'stage_2_response';
}

export function isResponseLetter(kind: LetterKind): boolean {
  return kind === 'stage_1_response' || kind === 'stage_2_response';
}

/** The acknowledgement a complaint gets at its stage, by its kind. */
export function acknowledgementKindFor(complaint: { kind: FeedbackKind; stage: Stage }): LetterKind {
  if (complaint.kind === 'correspondence') return 'non_service_user_acknowledgement';
  return complaint.stage === 2 ? 'stage_2_acknowledgement' : 'acknowledgement';
}
