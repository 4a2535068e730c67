import type { CaseworkCapability, MoveActor, RoleKey } from '@complaints/domain';

/**
 * Who may see and do what, decided on the server for every loader, action and use case. Deny by
 * default: a role not named for a capability does not have it, and a complaint outside a person's
 * area or assignment is invisible to them.
 */

/** The member of staff acting, with the scope of their role. */
export type StaffActor = {
  id: string;
  role: RoleKey;
  businessAreaId: string | null;
  serviceAreaId: string | null;
  teamId: string | null;
};

/** What access rules need to know of a complaint. */
export type ComplaintScope = {
  businessAreaId: string | null;
  serviceAreaId: string | null;
  responderId: string | null;
  csqManagerId: string | null;
  /** Everyone who has been the responder at any stage (stage 1 responder, stage 2 reviewer). */
  pastResponderIds?: readonly string[];
};

const CSQ_ADMINISTRATION = ['csq_administrator', 'csq_manager', 'national_office'] as const;
const MANAGERS = ['responding_manager', 'csq_manager', 'head_of_service', 'national_office'] as const;

/**
 * Who may make each kind of move on a complaint (the lifecycle in `packages/domain` names the
 * capability each move needs). CSQ administration logs, acknowledges, prints and acts for the
 * complainant; managers investigate and write; only a CSQ manager quality-assures a letter or a
 * closed file.
 */
const CASEWORK: Record<CaseworkCapability, readonly RoleKey[]> = {
  log_complaint: CSQ_ADMINISTRATION,
  triage_points: [...CSQ_ADMINISTRATION, 'responding_manager'],
  assign_responders: [...CSQ_ADMINISTRATION, 'head_of_service'],
  assign_csq_managers: CSQ_ADMINISTRATION,
  acknowledge_complaints: CSQ_ADMINISTRATION,
  investigate: MANAGERS,
  record_correspondence: [...MANAGERS, 'csq_administrator'],
  correct_complainant_details: CSQ_ADMINISTRATION,
  write_letters: [...MANAGERS, 'csq_administrator'],
  quality_assure_letters: ['csq_manager'],
  send_letters: [...CSQ_ADMINISTRATION, 'responding_manager'],
  print_letters: CSQ_ADMINISTRATION,
  manage_timescales: [...MANAGERS, 'csq_administrator'],
  act_for_complainant: CSQ_ADMINISTRATION,
  quality_assure_closure: ['csq_manager'],
  close_complaints: ['csq_manager', 'national_office'],
  refer_to_ombudsman: CSQ_ADMINISTRATION,
  record_ombudsman_outcome: ['csq_manager', 'national_office'],
};

/** Capabilities: the casework above, and those that are not about one complaint. */
export const CAPABILITIES = {
  ...CASEWORK,
  view_new_queue: ['csq_administrator', 'csq_manager', 'national_office'],
  view_my_queue: ['responding_manager', 'head_of_service', 'csq_manager', 'national_office'],
  view_caseload: ['csq_manager'],
  view_all_complaints: ['national_office'],
  view_reports: ['head_of_service', 'csq_manager', 'national_office'],
  export_data: ['csq_manager', 'national_office'],
  view_audit_log: ['national_office'],
  manage_staff: ['system_administrator', 'national_office'],
  change_roles: ['system_administrator', 'national_office'],
  manage_organisation: ['national_office', 'system_administrator'],
  manage_templates: ['national_office'],
  manage_quality_framework: ['national_office'],
  manage_settings: ['national_office'],
  preview_documents: ['national_office', 'csq_manager'],
} as const satisfies Record<string, readonly RoleKey[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(actor: Pick<StaffActor, 'role'>, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly RoleKey[]).includes(actor.role);
}

/** A member of staff as the lifecycle sees them: who they are and what they hold. */
export function moveActor(actor: Pick<StaffActor, 'id' | 'role'>): MoveActor {
  return { type: 'staff', id: actor.id, holds: (capability) => can(actor, capability) };
}

/** Roles that must use a second factor at every sign-in; others may choose to. */
export const SECOND_FACTOR_REQUIRED: readonly RoleKey[] = ['national_office', 'system_administrator'];

/**
 * Whether a member of staff may see a complaint at all: national office everything; a CSQ
 * administrator or CSQ manager their business area (and complaints not yet routed to an area, so
 * one of them can route it); a Head of Service their service area; a responding manager the
 * complaints assigned to them now or before; a CSQ manager also their caseload wherever it is. A
 * system administrator manages accounts and sees no complaints.
 */
export function canViewComplaint(actor: StaffActor, complaint: ComplaintScope): boolean {
  switch (actor.role) {
    case 'national_office':
      return true;
    case 'csq_administrator':
      return complaint.businessAreaId === null || (actor.businessAreaId !== null && complaint.businessAreaId === actor.businessAreaId);
    case 'csq_manager':
      return (
        complaint.csqManagerId === actor.id ||
        complaint.businessAreaId === null ||
        (actor.businessAreaId !== null && complaint.businessAreaId === actor.businessAreaId)
      );
    case 'head_of_service':
      return actor.serviceAreaId !== null && complaint.serviceAreaId === actor.serviceAreaId;
    case 'responding_manager':
      return complaint.responderId === actor.id || (complaint.pastResponderIds ?? []).includes(actor.id);
    case 'system_administrator':
      return false;
    default: {
      const never: never = actor.role;
      return never;
    }
  }
}

/** Acting on a complaint needs sight of it; a responding manager may act only while it is theirs. */
export function canWorkOnComplaint(actor: StaffActor, complaint: ComplaintScope): boolean {
  if (!canViewComplaint(actor, complaint)) return false;
  if (actor.role === 'responding_manager') return complaint.responderId === actor.id;
  return true;
}
