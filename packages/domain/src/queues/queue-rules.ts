import { z } from 'zod';
import type { IsoDate, WorkingDayCalendar } from '../calendar/index';
import {
  COMPLAINT_STATES,
  FEEDBACK_KINDS,
  OPEN_STATES,
  RAG_STATUSES,
  type ComplaintState,
  type FeedbackKind,
  type RagStatus,
  type RoleKey,
  type Stage,
} from '../complaint/vocabulary';
import { DEFAULT_TIMESCALES } from '../timescales/index';

/**
 * The work queues of the back office, with their electronic warnings. Which complaints a queue
 * holds for a person follows from their role and scope; what a person may see at all is decided by
 * the access rules, and every queue is a part of that, never more.
 */

export const QUEUE_KEYS = ['new', 'mine', 'caseload', 'all'] as const;
export type QueueKey = (typeof QUEUE_KEYS)[number];

/** The member of staff a queue is for: the parts of their role that decide what it holds. */
export type QueueOwner = {
  id: string;
  role: RoleKey;
  businessAreaId: string | null;
  serviceAreaId: string | null;
};

/**
 * The complaints a queue draws from. `business_area` always includes complaints not yet routed to
 * an area, because the area's administrators are the ones who route them.
 */
export type QueueScope =
  | { kind: 'everything' }
  | { kind: 'business_area'; businessAreaId: string }
  /** Complaints not yet routed to any business area. */
  | { kind: 'unrouted' }
  | { kind: 'service_area'; serviceAreaId: string }
  | { kind: 'responder'; staffId: string }
  /** Complaints this person answered before, at an earlier stage or before being replaced. */
  | { kind: 'past_responder'; staffId: string }
  | { kind: 'csq_manager'; staffId: string };

/** What a scope needs to know of a complaint to say whether it holds it. */
export type ScopedComplaint = {
  businessAreaId: string | null;
  serviceAreaId: string | null;
  responderId: string | null;
  csqManagerId: string | null;
  /** Everyone who has been the responder at any stage (stage 1 responder, stage 2 reviewer). */
  pastResponderIds?: readonly string[];
};

/**
 * Whether a scope holds a complaint. The database asks the same of every row (the repositories'
 * `scopeCondition`), and the integration tests hold the two to the same answers.
 */
export function scopeIncludes(scope: QueueScope, complaint: ScopedComplaint): boolean {
  switch (scope.kind) {
    case 'everything':
      return true;
    case 'business_area':
      return complaint.businessAreaId === null || complaint.businessAreaId === scope.businessAreaId;
    case 'unrouted':
      return complaint.businessAreaId === null;
    case 'service_area':
      return complaint.serviceAreaId === scope.serviceAreaId;
    case 'responder':
      return complaint.responderId === scope.staffId;
    case 'past_responder':
      return (complaint.pastResponderIds ?? []).includes(scope.staffId);
    case 'csq_manager':
      return complaint.csqManagerId === scope.staffId;
    default: {
      const never: never = scope;
      return never;
    }
  }
}

/** The states waiting for the administrator: logged or not yet, and not yet acknowledged. */
export const NEW_QUEUE_STATES: readonly ComplaintState[] = ['received', 'logged'];

/**
 * The scope of a queue for a person, or null when the queue is not theirs. Kept in step with the
 * access rules (packages/auth): each scope is inside what that role may see.
 */
export function queueScope(queue: QueueKey, owner: QueueOwner): QueueScope | null {
  switch (queue) {
    case 'new':
      if (owner.role === 'national_office') return { kind: 'everything' };
      if ((owner.role === 'csq_administrator' || owner.role === 'csq_manager') && owner.businessAreaId) {
        return { kind: 'business_area', businessAreaId: owner.businessAreaId };
      }
      return null;
    case 'mine':
      if (owner.role === 'head_of_service') return owner.serviceAreaId ? { kind: 'service_area', serviceAreaId: owner.serviceAreaId } : null;
      if (owner.role === 'responding_manager' || owner.role === 'csq_manager' || owner.role === 'national_office') {
        return { kind: 'responder', staffId: owner.id };
      }
      return null;
    case 'caseload':
      return owner.role === 'csq_manager' ? { kind: 'csq_manager', staffId: owner.id } : null;
    case 'all':
      return owner.role === 'national_office' ? { kind: 'everything' } : null;
    default: {
      const never: never = queue;
      return never;
    }
  }
}

/**
 * The complaints a person's dashboard reports on: the widest part of what they may see that is
 * theirs to watch (their area, or their own complaints); none for a system administrator.
 */
export function dashboardScope(owner: QueueOwner): QueueScope | null {
  switch (owner.role) {
    case 'national_office':
      return { kind: 'everything' };
    case 'csq_administrator':
    case 'csq_manager':
      return owner.businessAreaId ? { kind: 'business_area', businessAreaId: owner.businessAreaId } : null;
    case 'head_of_service':
      return owner.serviceAreaId ? { kind: 'service_area', serviceAreaId: owner.serviceAreaId } : null;
    case 'responding_manager':
      return { kind: 'responder', staffId: owner.id };
    case 'system_administrator':
      return null;
    default: {
      const never: never = owner.role;
      return never;
    }
  }
}

/** Periods the dashboard looks back over, in calendar days. */
export const DASHBOARD_PERIODS = [7, 30, 90] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

export function parseDashboardPeriod(value: string | null): DashboardPeriod {
  const n = Number(value);
  return (DASHBOARD_PERIODS as readonly number[]).includes(n) ? (n as DashboardPeriod) : 30;
}

/** The queues a role works from, the one they start on first. */
export const QUEUE_ORDER_BY_ROLE: Record<RoleKey, readonly QueueKey[]> = {
  csq_administrator: ['new'],
  responding_manager: ['mine'],
  head_of_service: ['mine'],
  csq_manager: ['caseload', 'new', 'mine'],
  national_office: ['all', 'new', 'mine'],
  system_administrator: [],
};

export const QUEUE_SORTS = ['due', 'received', 'reference', 'state'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** "open" (the default) or "any" or one state. */
export const QUEUE_STATE_FILTERS = ['open', 'any', ...COMPLAINT_STATES] as const;
export type QueueStateFilter = (typeof QUEUE_STATE_FILTERS)[number];

export const QUEUE_PAGE_SIZE = 25;
/** Far beyond any real queue; keeps a hand-typed page number from asking the database for nonsense. */
const MAX_PAGE = 100_000;

/** A queue as the address bar asks for it. */
export type QueueQuery = {
  sort: QueueSort;
  direction: SortDirection;
  state: QueueStateFilter;
  stage: Stage | null;
  rag: RagStatus | null;
  serviceAreaId: string | null;
  kind: FeedbackKind | null;
  page: number;
};

export const DEFAULT_QUEUE_QUERY: QueueQuery = {
  sort: 'due',
  direction: 'asc',
  state: 'open',
  stage: null,
  rag: null,
  serviceAreaId: null,
  kind: null,
  page: 1,
};

/*
 * Each parameter falls back to its default when it is missing or not understood: a queue address
 * someone edited by hand shows the queue, never an error page.
 */
const queueQuerySchema = z.object({
  sort: z.enum(QUEUE_SORTS).catch(DEFAULT_QUEUE_QUERY.sort),
  direction: z.enum(SORT_DIRECTIONS).catch(DEFAULT_QUEUE_QUERY.direction),
  state: z.enum(QUEUE_STATE_FILTERS).catch(DEFAULT_QUEUE_QUERY.state),
  stage: z
    .enum(['1', '2'])
    .transform((s) => Number(s) as Stage)
    .nullable()
    .catch(null),
  rag: z.enum(RAG_STATUSES).nullable().catch(null),
  serviceAreaId: z.uuid().nullable().catch(null),
  kind: z.enum(FEEDBACK_KINDS).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
});

export function parseQueueQuery(params: URLSearchParams): QueueQuery {
  const get = (key: string) => {
    const value = params.get(key);
    return value === null || value === '' ? undefined : value;
  };
  return queueQuerySchema.parse({
    sort: get('sort'),
    direction: get('direction'),
    state: get('state'),
    stage: get('stage') ?? null,
    rag: get('rag') ?? null,
    serviceAreaId: get('area') ?? null,
    kind: get('kind') ?? null,
    page: get('page'),
  });
}

/** The address of a queue page with these settings; defaults are left out so links stay short. */
export function queueSearch(query: QueueQuery): string {
  const params = new URLSearchParams();
  if (query.sort !== DEFAULT_QUEUE_QUERY.sort) params.set('sort', query.sort);
  if (query.direction !== DEFAULT_QUEUE_QUERY.direction) params.set('direction', query.direction);
  if (query.state !== DEFAULT_QUEUE_QUERY.state) params.set('state', query.state);
  if (query.stage !== null) params.set('stage', String(query.stage));
  if (query.rag !== null) params.set('rag', query.rag);
  if (query.serviceAreaId !== null) params.set('area', query.serviceAreaId);
  if (query.kind !== null) params.set('kind', query.kind);
  if (query.page !== 1) params.set('page', String(query.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Which states a queue may show for a query: the new queue holds only what is waiting to be acknowledged. */
export function queueStates(queue: QueueKey, filter: QueueStateFilter): readonly ComplaintState[] | null {
  const base: readonly ComplaintState[] | null = queue === 'new' ? NEW_QUEUE_STATES : null;
  const asked: readonly ComplaintState[] | null = filter === 'any' ? null : filter === 'open' ? OPEN_STATES : [filter];
  if (base === null) return asked;
  if (asked === null) return base;
  return base.filter((s) => asked.includes(s));
}

/**
 * The electronic warning as date boundaries, so a database can colour, count and filter whole
 * queues with plain comparisons: red when due before `redBefore`, amber from then until before
 * `greenFrom`, green from `greenFrom` on. Exactly `ragStatus` for every due date (tested).
 */
export type RagBoundaries = { redBefore: IsoDate; greenFrom: IsoDate };

export function ragBoundaries(
  today: IsoDate,
  calendar: WorkingDayCalendar,
  reminderWindow: number = DEFAULT_TIMESCALES.reminder_window,
): RagBoundaries {
  // Amber runs to the window's last working day and the non-working days straight after it,
  // since none of those add a working day.
  // (With no window, addWorkingDays(today, 0) would step forward from a weekend; amber is then
  // only today and the non-working days after it.)
  const lastAmberDay = reminderWindow <= 0 ? today : calendar.addWorkingDays(today, reminderWindow);
  return { redBefore: today, greenFrom: calendar.nextWorkingDay(lastAmberDay) };
}

export function ragFromBoundaries(dueOn: IsoDate, boundaries: RagBoundaries): RagStatus {
  if (dueOn < boundaries.redBefore) return 'red';
  return dueOn < boundaries.greenFrom ? 'amber' : 'green';
}

/** How many pages a queue of `total` rows has; an empty queue still has its one (empty) page. */
export function pageCount(total: number, pageSize: number = QUEUE_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
