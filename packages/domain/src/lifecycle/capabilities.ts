/**
 * The things a member of staff may do to a complaint, by name. The lifecycle says which capability
 * each move needs; which roles hold a capability is decided in one place, `packages/auth`, so a
 * role's powers are never copied into a rule by hand.
 */
export const CASEWORK_CAPABILITIES = [
  'log_complaint',
  'triage_points',
  'assign_responders',
  'assign_csq_managers',
  'acknowledge_complaints',
  'investigate',
  'record_correspondence',
  'correct_complainant_details',
  'write_letters',
  'quality_assure_letters',
  'send_letters',
  'print_letters',
  'manage_timescales',
  'act_for_complainant',
  'quality_assure_closure',
  'close_complaints',
  'refer_to_ombudsman',
  'record_ombudsman_outcome',
  'record_learning',
] as const;

export type CaseworkCapability = (typeof CASEWORK_CAPABILITIES)[number];
