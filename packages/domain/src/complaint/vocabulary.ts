/**
 * The words of the complaints process, as closed lists. The database stores these keys, the
 * interface translates them, and the lifecycle decides how a complaint moves between them.
 */

export const FEEDBACK_KINDS = ['complaint', 'compliment', 'feedback', 'correspondence'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const CHANNELS = ['online', 'letter', 'email', 'phone', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Adult or child wording, for the forms, the letters and the emails. */
export const AUDIENCES = ['adult', 'child'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

export const STAGES = [1, 2] as const;
export type Stage = (typeof STAGES)[number];

export const COMPLAINANT_ROLES = [
  'parent_or_carer',
  'family_member',
  'child',
  'helping_child',
  'professional',
  'other',
] as const;
export type ComplainantRole = (typeof COMPLAINANT_ROLES)[number];

export const CONTACT_METHODS = ['email', 'post', 'phone'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const SUPPORT_NEEDS = ['large_print', 'interpreter', 'advocate', 'easy_read', 'other'] as const;
export type SupportNeed = (typeof SUPPORT_NEEDS)[number];

/** Where a complaint is. The stage (1 or 2) is kept beside it. */
export const COMPLAINT_STATES = [
  'received',
  'logged',
  'acknowledged',
  'investigating',
  'response_drafted',
  'in_quality_assurance',
  'response_approved',
  'response_sent',
  'closed',
  'withdrawn',
  'with_ombudsman',
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

/** States in which the organisation still owes the complainant an answer. */
export const OPEN_STATES: readonly ComplaintState[] = [
  'received',
  'logged',
  'acknowledged',
  'investigating',
  'response_drafted',
  'in_quality_assurance',
  'response_approved',
];

/** Open states before the acknowledgement has gone. */
export const BEFORE_ACKNOWLEDGEMENT: readonly ComplaintState[] = ['received', 'logged'];

export const POINT_CATEGORIES = [
  'communication',
  'delay',
  'conduct',
  'quality_of_work',
  'data_and_confidentiality',
  'discrimination',
  'other',
] as const;
export type PointCategory = (typeof POINT_CATEGORIES)[number];

/** Whether a point is the organisation's to answer or a matter for the court. */
export const TRIAGE_OUTCOMES = ['organisation', 'court'] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];

export const POINT_DECISIONS = ['upheld', 'partly_upheld', 'not_upheld', 'court_matter'] as const;
export type PointDecision = (typeof POINT_DECISIONS)[number];

export const LETTER_KINDS = [
  'received',
  'acknowledgement',
  'holding',
  'extension',
  'stage_1_response',
  'stage_2_acknowledgement',
  'stage_2_response',
  'closure',
  'non_service_user_acknowledgement',
  'non_service_user_reply',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Letters staff write themselves, with a message of their own, rather than as a step of the procedure. */
export const WRITTEN_LETTER_KINDS = ['holding', 'closure', 'non_service_user_reply'] as const satisfies readonly LetterKind[];
export type WrittenLetterKind = (typeof WRITTEN_LETTER_KINDS)[number];

/**
 * Where a letter is in quality assurance: written (a draft), with a CSQ manager, returned with
 * comments, approved, sent. Every letter passes through it before it goes.
 */
export const LETTER_STATES = ['draft', 'in_quality_assurance', 'returned', 'approved', 'sent'] as const;
export type LetterState = (typeof LETTER_STATES)[number];

/** What a CSQ manager decides about a letter in quality assurance. */
export const QUALITY_REVIEW_OUTCOMES = ['approved', 'returned'] as const;
export type QualityReviewOutcome = (typeof QUALITY_REVIEW_OUTCOMES)[number];

export const NATIONS = ['england', 'wales'] as const;
export type Nation = (typeof NATIONS)[number];

/** How a piece of correspondence came or went. */
/** How something reached us or went out; `online` is what the complainant added from their tracking page. */
export const CORRESPONDENCE_METHODS = ['letter', 'email', 'phone', 'in_person', 'online', 'other'] as const;
export type CorrespondenceMethod = (typeof CORRESPONDENCE_METHODS)[number];
/** The ways staff record by hand: what came online is recorded by the tracking page itself. */
export const STAFF_RECORDED_METHODS = CORRESPONDENCE_METHODS.filter((m) => m !== 'online');
export const CORRESPONDENCE_DIRECTIONS = ['in', 'out'] as const;
export type CorrespondenceDirection = (typeof CORRESPONDENCE_DIRECTIONS)[number];

/** An internal note on a case, or a record of evidence gathered; never shown to the complainant. */
export const CASE_NOTE_KINDS = ['note', 'evidence'] as const;
export type CaseNoteKind = (typeof CASE_NOTE_KINDS)[number];

export const OMBUDSMAN_FINDINGS = ['not_upheld', 'upheld', 'partly_upheld', 'settled', 'discontinued'] as const;
export type OmbudsmanFinding = (typeof OMBUDSMAN_FINDINGS)[number];

export const ROLE_KEYS = [
  'csq_administrator',
  'responding_manager',
  'head_of_service',
  'csq_manager',
  'national_office',
  'system_administrator',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export const OMBUDSMEN = ['phso', 'psow'] as const;
export type Ombudsman = (typeof OMBUDSMEN)[number];

export const RAG_STATUSES = ['green', 'amber', 'red'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];
