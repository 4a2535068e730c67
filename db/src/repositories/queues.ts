import type {
  ComplainantRole,
  ComplaintState,
  FeedbackKind,
  QueueScope,
  QueueSort,
  RagBoundaries,
  RagStatus,
  SortDirection,
  Stage,
} from '@complaints/domain';
import { COMPLAINT_STATES } from '@complaints/domain';
import { type SQL, and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Executor, queryRows } from '../client';
import { complainants, complaintEvents, complaints, complaintStages, serviceAreas, staff, teams } from '../schema/index';

/**
 * The work queues: one query per page, filtered in the database by the person's scope and the
 * filters they chose, and the electronic warning worked out there too from date boundaries, so
 * counts and filters are exact at any size.
 */

export type QueueFilter = {
  scope: QueueScope;
  /** Null for any state. */
  states: readonly ComplaintState[] | null;
  stage: Stage | null;
  rag: RagStatus | null;
  serviceAreaId: string | null;
  kind: FeedbackKind | null;
};

export type QueueRow = {
  id: string;
  reference: string;
  kind: FeedbackKind;
  receivedOn: string;
  state: ComplaintState;
  stage: Stage;
  currentDueOn: string | null;
  rag: RagStatus | null;
  complainantName: string | null;
  complainantRole: ComplainantRole | null;
  serviceAreaNameEn: string | null;
  serviceAreaNameCy: string | null;
  teamNameEn: string | null;
  teamNameCy: string | null;
  responderName: string | null;
};

export type QueueCounts = { total: number; red: number; amber: number; green: number; noDueDate: number };

const day = (value: string) => sql`${value}::date`;

export function scopeCondition(scope: QueueScope): SQL | undefined {
  switch (scope.kind) {
    case 'everything':
      return undefined;
    case 'business_area':
      // Complaints not yet routed to an area go to every area's administrators, to route them.
      return or(eq(complaints.businessAreaId, scope.businessAreaId), isNull(complaints.businessAreaId));
    case 'unrouted':
      return isNull(complaints.businessAreaId);
    case 'service_area':
      return eq(complaints.serviceAreaId, scope.serviceAreaId);
    case 'responder':
      return eq(complaints.responderId, scope.staffId);
    case 'past_responder':
      // As `findComplaintAccessFacts` gathers them: the responder of any stage, and anyone
      // assigned and later replaced (their assignment event).
      // One set, read once through its two indexes, rather than two lookups for every row.
      return sql`${complaints.id} in (
        select ${complaintStages.complaintId} from ${complaintStages} where ${complaintStages.responderId} = ${scope.staffId}
        union
        select ${complaintEvents.complaintId} from ${complaintEvents}
        where ${complaintEvents.type} = 'responder.assigned' and ${complaintEvents.payload} ->> 'responderId' = ${scope.staffId})`;
    case 'csq_manager':
      return eq(complaints.csqManagerId, scope.staffId);
  }
}

/**
 * The complaints inside any of several scopes (what a person may see is such a union); none when
 * there are no scopes.
 */
export function anyScopeCondition(scopes: readonly QueueScope[]): SQL | undefined {
  if (scopes.length === 0) return sql`false`;
  const parts = scopes.map(scopeCondition);
  if (parts.some((p) => p === undefined)) return undefined;
  return or(...parts);
}

function ragCondition(rag: RagStatus, b: RagBoundaries): SQL {
  const due = complaints.currentDueOn;
  if (rag === 'red') return sql`${due} < ${day(b.redBefore)}`;
  if (rag === 'amber') return sql`${due} >= ${day(b.redBefore)} and ${due} < ${day(b.greenFrom)}`;
  return sql`${due} >= ${day(b.greenFrom)}`;
}

function conditions(filter: QueueFilter, boundaries: RagBoundaries, options: { withRag: boolean }): SQL | undefined {
  const parts: Array<SQL | undefined> = [scopeCondition(filter.scope)];
  if (filter.states !== null) {
    // An empty list of states is an empty queue, not every state.
    parts.push(filter.states.length > 0 ? inArray(complaints.state, [...filter.states]) : sql`false`);
  }
  if (filter.stage !== null) parts.push(eq(complaints.stage, filter.stage));
  if (filter.serviceAreaId !== null) parts.push(eq(complaints.serviceAreaId, filter.serviceAreaId));
  if (filter.kind !== null) parts.push(eq(complaints.kind, filter.kind));
  if (options.withRag && filter.rag !== null) parts.push(ragCondition(filter.rag, boundaries));
  return and(...parts);
}

function ragExpression(b: RagBoundaries) {
  const due = complaints.currentDueOn;
  return sql<RagStatus | null>`case when ${due} is null then null when ${due} < ${day(b.redBefore)} then 'red' when ${due} < ${day(b.greenFrom)} then 'amber' else 'green' end`;
}

function orderBy(sort: Exclude<QueueSort, 'state'>, direction: SortDirection): SQL[] {
  const dir = sql.raw(direction === 'desc' ? 'desc' : 'asc');
  switch (sort) {
    case 'due':
      // Rows with nothing due sort last whichever way the due dates run.
      return [sql`${complaints.currentDueOn} ${dir} nulls last`, sql`${complaints.receivedAt} asc`, sql`${complaints.id} asc`];
    case 'received':
      return [sql`${complaints.receivedAt} ${dir}`, sql`${complaints.id} asc`];
    case 'reference':
      return [sql`${complaints.reference} ${dir}`];
  }
}

/**
 * The ids of one page and their place on it (`n`), from the complaints table alone (the joins come
 * after, for those rows only); null when no state is asked for. By status means the order of the
 * lifecycle, not of the words, so each state is read in turn, in due-date order, from the (state,
 * due date) index, and the first page never has to sort the whole queue.
 */
function pageQuery(options: { filter: QueueFilter; boundaries: RagBoundaries; sort: QueueSort; direction: SortDirection; limit: number; offset: number }): SQL | null {
  const where = conditions(options.filter, options.boundaries, { withRag: true });
  if (options.sort !== 'state') {
    const order = sql.join(orderBy(options.sort, options.direction), sql`, `);
    return sql`select ${complaints.id} as id, row_number() over (order by ${order}) as n
               from ${complaints} ${where ? sql`where ${where}` : sql``}
               order by ${order} limit ${options.limit} offset ${options.offset}`;
  }
  const states = (options.filter.states ?? COMPLAINT_STATES).filter((s) => (COMPLAINT_STATES as readonly string[]).includes(s));
  const ordered = options.direction === 'desc' ? [...COMPLAINT_STATES].reverse() : [...COMPLAINT_STATES];
  const wanted = ordered.filter((s) => states.includes(s));
  if (wanted.length === 0) return null;
  const enough = options.limit + options.offset;
  // The direction turns the order of the states round; within a state the most urgent come first.
  // One branch joined to each state wanted in turn, not a copy of the query for each state.
  const wantedStates = sql`array[${sql.join(
    wanted.map((state) => sql`${state}`),
    sql`, `,
  )}]::text[]`;
  return sql`select by_state.id, row_number() over (order by wanted.position, by_state.due asc nulls last, by_state.id asc) as n
             from unnest(${wantedStates}) with ordinality as wanted(state, position)
             cross join lateral (
               select ${complaints.id} as id, ${complaints.currentDueOn} as due
               from ${complaints} where ${and(where, sql`${complaints.state} = wanted.state`)}
               order by ${complaints.currentDueOn} asc nulls last, ${complaints.id} asc limit ${enough}
             ) as by_state
             order by n limit ${options.limit} offset ${options.offset}`;
}

const responder = alias(staff, 'responder');

/**
 * What a queue row shows, from a complaint and what it is joined to; with a page's query, for the
 * complaints on that page only.
 */
function queueRows(db: Executor, boundaries: RagBoundaries, page: SQL | null) {
  const query = db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      kind: complaints.kind,
      receivedOn: complaints.receivedOn,
      state: complaints.state,
      stage: complaints.stage,
      currentDueOn: complaints.currentDueOn,
      rag: ragExpression(boundaries),
      complainantName: complainants.fullName,
      complainantRole: complainants.role,
      serviceAreaNameEn: serviceAreas.nameEn,
      serviceAreaNameCy: serviceAreas.nameCy,
      teamNameEn: teams.nameEn,
      teamNameCy: teams.nameCy,
      responderName: responder.fullName,
    })
    .from(complaints)
    .$dynamic();
  return (page ? query.innerJoin(sql`(${page}) as page`, sql`page.id = ${complaints.id}`) : query)
    .leftJoin(complainants, eq(complainants.complaintId, complaints.id))
    .leftJoin(serviceAreas, eq(serviceAreas.id, complaints.serviceAreaId))
    .leftJoin(teams, eq(teams.id, complaints.teamId))
    .leftJoin(responder, eq(responder.id, complaints.responderId));
}

/** One page of a queue, in the order asked for: the page's ids and their rows in one statement. */
export async function listQueuePage(
  db: Executor,
  options: { filter: QueueFilter; boundaries: RagBoundaries; sort: QueueSort; direction: SortDirection; limit: number; offset: number },
): Promise<QueueRow[]> {
  const page = pageQuery(options);
  if (page === null) return [];
  return (await queueRows(db, options.boundaries, page).orderBy(sql`page.n`)) as QueueRow[];
}

/** Queue rows for complaints chosen elsewhere (a page of search results), in the order of the ids given. */
export async function queueRowsByIds(db: Executor, ids: readonly string[], boundaries: RagBoundaries): Promise<QueueRow[]> {
  if (ids.length === 0) return [];
  const rows = await queueRows(db, boundaries, null).where(inArray(complaints.id, [...ids]));
  const position = new Map(ids.map((id, i) => [id, i]));
  return (rows as QueueRow[]).sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}

/**
 * How many rows the queue holds with its filters, and how many of them are red, amber and green
 * (counted without the colour filter, so the counts can be offered as filters themselves).
 */
export async function countQueue(db: Executor, options: { filter: QueueFilter; boundaries: RagBoundaries }): Promise<QueueCounts> {
  const b = options.boundaries;
  const due = complaints.currentDueOn;
  const [row] = await db
    .select({
      all: sql<number>`count(*)::int`,
      red: sql<number>`count(*) filter (where ${due} < ${day(b.redBefore)})::int`,
      amber: sql<number>`count(*) filter (where ${due} >= ${day(b.redBefore)} and ${due} < ${day(b.greenFrom)})::int`,
      green: sql<number>`count(*) filter (where ${due} >= ${day(b.greenFrom)})::int`,
    })
    .from(complaints)
    .where(conditions(options.filter, b, { withRag: false }));
  const counts = { red: Number(row?.red ?? 0), amber: Number(row?.amber ?? 0), green: Number(row?.green ?? 0) };
  const all = Number(row?.all ?? 0);
  const total = options.filter.rag === null ? all : counts[options.filter.rag];
  return { total, ...counts, noDueDate: all - counts.red - counts.amber - counts.green };
}

export type PassToManagerRow = {
  id: string;
  reference: string;
  receivedOn: string;
  passToManagerDueOn: string;
  assignedOn: string | null;
  responderName: string | null;
  outcome: 'in_time' | 'late' | 'waiting';
};

export type PassToManagerSummary = { inTime: number; late: number; waiting: number };

/**
 * Whether each complaint received in a period reached its manager within the working day of
 * receipt: the London date of the stage 1 assignment against the day it was due to be passed on.
 * Compliments and feedback go to no manager and are left out, as is anything withdrawn before it
 * was assigned.
 */
function passToManagerQuery(scope: QueueScope, from: string, to: string, today: string) {
  const assignedOn = sql<string | null>`(${complaintStages.assignedAt} at time zone 'Europe/London')::date`;
  const outcome = sql<PassToManagerRow['outcome']>`case
      when ${complaintStages.assignedAt} is not null and ${assignedOn} <= ${complaintStages.passToManagerDueOn} then 'in_time'
      when ${complaintStages.assignedAt} is not null then 'late'
      when ${complaintStages.passToManagerDueOn} < ${day(today)} then 'late'
      else 'waiting' end`;
  const where = and(
    scopeCondition(scope),
    sql`${complaints.receivedOn} >= ${day(from)}`,
    sql`${complaints.receivedOn} <= ${day(to)}`,
    inArray(complaints.kind, ['complaint', 'correspondence']),
    sql`not (${complaints.state} = 'withdrawn' and ${complaintStages.assignedAt} is null)`,
  );
  return { assignedOn, outcome, where };
}

export async function passToManagerSummary(
  db: Executor,
  options: { scope: QueueScope; from: string; to: string; today: string },
): Promise<PassToManagerSummary> {
  const q = passToManagerQuery(options.scope, options.from, options.to, options.today);
  const rows = await db
    .select({ outcome: q.outcome, n: sql<number>`count(*)::int` })
    .from(complaints)
    .innerJoin(complaintStages, and(eq(complaintStages.complaintId, complaints.id), eq(complaintStages.stage, 1)))
    .where(q.where)
    .groupBy(sql`1`);
  const get = (o: string) => Number(rows.find((r) => r.outcome === o)?.n ?? 0);
  return { inTime: get('in_time'), late: get('late'), waiting: get('waiting') };
}

export async function listPassToManager(
  db: Executor,
  options: { scope: QueueScope; from: string; to: string; today: string; limit: number; offset: number },
): Promise<PassToManagerRow[]> {
  const q = passToManagerQuery(options.scope, options.from, options.to, options.today);
  const rows = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      receivedOn: complaints.receivedOn,
      passToManagerDueOn: complaintStages.passToManagerDueOn,
      assignedOn: sql<string | null>`${q.assignedOn}::text`,
      responderName: responder.fullName,
      outcome: q.outcome,
    })
    .from(complaints)
    .innerJoin(complaintStages, and(eq(complaintStages.complaintId, complaints.id), eq(complaintStages.stage, 1)))
    .leftJoin(responder, eq(responder.id, complaintStages.responderId))
    .where(q.where)
    .orderBy(sql`${complaints.receivedAt} desc`, sql`${complaints.id} asc`)
    .limit(options.limit)
    .offset(options.offset);
  return rows as PassToManagerRow[];
}
