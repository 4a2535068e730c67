import { type CaseworkCapability, type LearningLevel, type MoveActor, type QueueScope, type ReportScope, type RoleKey, type ScopedComplaint, scopeIncludes } from '@complaints/domain';

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
export type ComplaintScope = ScopedComplaint;

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
  // Managers raise learning from the complaints they may work on (a responding manager, their own).
  record_learning: MANAGERS,
};

/** Capabilities: the casework above, and those that are not about one complaint. */
export const CAPABILITIES = {
  ...CASEWORK,
  view_new_queue: ['csq_administrator', 'csq_manager', 'national_office'],
  view_my_queue: ['responding_manager', 'head_of_service', 'csq_manager', 'national_office'],
  view_caseload: ['csq_manager'],
  view_all_complaints: ['national_office'],
  view_reports: ['head_of_service', 'csq_manager', 'national_office'],
  /**
   * The report's section on who is complained about: complaints per practitioner and team beside
   * their management review grades. It is about people's performance, so it is for those who
   * manage it (a Head of Service for their area, national office), not for everyone who reads
   * the report.
   */
  view_staff_in_reports: ['head_of_service', 'national_office'],
  /**
   * The annual complaints performance report: the whole organisation's year, written up by national
   * office (the self-assessment against the procedure) and downloaded for the board to publish.
   */
  manage_annual_report: ['national_office'],
  export_data: ['csq_manager', 'national_office'],
  view_audit_log: ['national_office'],
  /** Everything held about one complainant, as a ZIP, for a subject access request. */
  export_subject_access: ['national_office'],
  manage_staff: ['system_administrator', 'national_office'],
  change_roles: ['system_administrator', 'national_office'],
  manage_organisation: ['national_office', 'system_administrator'],
  manage_templates: ['national_office'],
  manage_quality_framework: ['national_office'],
  manage_settings: ['national_office'],
  /** Finding a complaint by reference, name, email, phone or court case number: whoever sees complaints. */
  search_complaints: ['csq_administrator', 'responding_manager', 'head_of_service', 'csq_manager', 'national_office'],
  preview_documents: ['national_office', 'csq_manager'],
  // The learning log: each role opens the levels `learningLogScope` gives it.
  view_learning_log: ['csq_administrator', 'csq_manager', 'head_of_service', 'responding_manager', 'national_office'],
  // Following up any action in the log one sees (an owner always follows up their own).
  follow_up_learning: ['csq_manager', 'head_of_service', 'national_office'],
  publish_learning: ['national_office'],
} as const satisfies Record<string, readonly RoleKey[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(actor: Pick<StaffActor, 'role'>, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly RoleKey[]).includes(actor.role);
}

/** A member of staff as the lifecycle sees them: who they are and what they hold. */
export function moveActor(actor: Pick<StaffActor, 'id' | 'role'>): MoveActor {
  return { type: 'staff', id: actor.id, holds: (capability) => can(actor, capability) };
}

/**
 * Everything a member of staff may see, as the scopes whose union it is: national office
 * everything; a CSQ administrator or CSQ manager their business area (and complaints not yet routed
 * to an area, so one of them can route it); a Head of Service their service area; a responding
 * manager the complaints assigned to them now or before; a CSQ manager also their caseload wherever
 * it is. A system administrator manages accounts and sees no complaints.
 *
 * This is the one statement of who sees what: `canViewComplaint` asks it of one complaint, and
 * search asks it of the database (through the same `scopeCondition` the queues use).
 */
export function visibleScopes(actor: StaffActor): QueueScope[] {
  const area: QueueScope = actor.businessAreaId !== null ? { kind: 'business_area', businessAreaId: actor.businessAreaId } : { kind: 'unrouted' };
  switch (actor.role) {
    case 'national_office':
      return [{ kind: 'everything' }];
    case 'csq_administrator':
      return [area];
    case 'csq_manager':
      return [area, { kind: 'csq_manager', staffId: actor.id }];
    case 'head_of_service':
      return actor.serviceAreaId !== null ? [{ kind: 'service_area', serviceAreaId: actor.serviceAreaId }] : [];
    case 'responding_manager':
      return [
        { kind: 'responder', staffId: actor.id },
        { kind: 'past_responder', staffId: actor.id },
      ];
    case 'system_administrator':
      return [];
    default: {
      const never: never = actor.role;
      return never;
    }
  }
}

/** Whether a member of staff may see a complaint at all (see `visibleScopes`). */
export function canViewComplaint(actor: StaffActor, complaint: ComplaintScope): boolean {
  return visibleScopes(actor).some((scope) => scopeIncludes(scope, complaint));
}

/** Acting on a complaint needs sight of it; a responding manager may act only while it is theirs. */
export function canWorkOnComplaint(actor: StaffActor, complaint: ComplaintScope): boolean {
  if (!canViewComplaint(actor, complaint)) return false;
  if (actor.role === 'responding_manager') return complaint.responderId === actor.id;
  return true;
}

/** What the learning log's rules need to know of a learning point. */
export type LearningScope = {
  level: LearningLevel;
  teamId: string | null;
  serviceAreaId: string | null;
  businessAreaId: string | null;
  ownerId: string | null;
};

/**
 * Which learning points of a level a person's log holds: all of them (national office), those of
 * one area (`column` = its id), or none. CSQ staff see the team, service area and business area
 * learning of their business area; a Head of Service the team and service area learning of their
 * service area; a responding manager their own team's. National learning is national office's to
 * follow up; everyone reads it once it is published in the bulletin. Whatever the level, the owner
 * of an action also finds it in their log (see `canSeeLearning`).
 */
export function learningLogScope(
  actor: StaffActor,
  level: LearningLevel,
): { all: true } | { column: 'teamId' | 'serviceAreaId' | 'businessAreaId'; id: string } | null {
  switch (actor.role) {
    case 'national_office':
      return { all: true };
    case 'csq_administrator':
    case 'csq_manager':
      return level !== 'national' && actor.businessAreaId ? { column: 'businessAreaId', id: actor.businessAreaId } : null;
    case 'head_of_service':
      return (level === 'team' || level === 'service_area') && actor.serviceAreaId ? { column: 'serviceAreaId', id: actor.serviceAreaId } : null;
    case 'responding_manager':
      return level === 'team' && actor.teamId ? { column: 'teamId', id: actor.teamId } : null;
    case 'system_administrator':
      return null;
    default: {
      const never: never = actor.role;
      return never;
    }
  }
}

/** The levels whose log a person opens. */
export function learningLevelsOpenTo(actor: StaffActor, levels: readonly LearningLevel[]): LearningLevel[] {
  return can(actor, 'view_learning_log') ? levels.filter((level) => learningLogScope(actor, level) !== null) : [];
}

/** Whether a person may see a learning point: it is in their log, or the action is theirs. */
export function canSeeLearning(actor: StaffActor, point: LearningScope): boolean {
  if (point.ownerId === actor.id) return true;
  if (!can(actor, 'view_learning_log')) return false;
  const scope = learningLogScope(actor, point.level);
  if (scope === null) return false;
  return 'all' in scope || point[scope.column] === scope.id;
}

/**
 * Whether a person may change a learning point's status: its owner, or a CSQ manager, Head of
 * Service or national office whose log holds it. Following up is not casework on the complaint,
 * so it needs no sight of the complaint: the owner is often someone who may not open it.
 */
export function canFollowUpLearning(actor: StaffActor, point: LearningScope): boolean {
  if (point.ownerId === actor.id) return true;
  return can(actor, 'follow_up_learning') && canSeeLearning(actor, point);
}

/** Only national learning is published, and only by national office. */
export function canPublishLearning(actor: StaffActor, point: Pick<LearningScope, 'level'>): boolean {
  return point.level === 'national' && can(actor, 'publish_learning');
}

/**
 * Whether a person may read the report of a scope: national office any; a CSQ manager their
 * business area and its service areas; a Head of Service their own service area. The same areas
 * their queues and dashboard draw from. `serviceAreaBusinessAreaId` is the business area of the
 * service area asked for (for a service area scope).
 */
export function canViewReport(actor: StaffActor, scope: ReportScope, serviceAreaBusinessAreaId: string | null = null): boolean {
  if (!can(actor, 'view_reports')) return false;
  switch (actor.role) {
    case 'national_office':
      return true;
    case 'csq_manager':
      if (actor.businessAreaId === null) return false;
      if (scope.kind === 'business_area') return scope.businessAreaId === actor.businessAreaId;
      if (scope.kind === 'service_area') return serviceAreaBusinessAreaId === actor.businessAreaId;
      return false;
    case 'head_of_service':
      return scope.kind === 'service_area' && actor.serviceAreaId !== null && scope.serviceAreaId === actor.serviceAreaId;
    default:
      return false;
  }
}
