import { can, type Capability, type StaffActor } from '@complaints/auth';
import { countQueue, listQueuePage, recordAudit, type QueueCounts, type QueueRow } from '@complaints/db';
import {
  QUEUE_ORDER_BY_ROLE,
  QUEUE_PAGE_SIZE,
  type QueueKey,
  type QueueQuery,
  londonDateOf,
  pageCount,
  queueScope,
  queueStates,
  ragBoundaries,
} from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { loadServiceAreaChoices } from '../organisation/service-area-choices';
import { loadProcessSettings } from '../settings/process-settings';
import { type CaseworkRequest } from './casework-context';
import { Refusal } from '../refusal';

/** The capability that opens each queue (the access rules), beside the scope the domain gives it. */
export const QUEUE_CAPABILITY: Record<QueueKey, Capability> = {
  new: 'view_new_queue',
  mine: 'view_my_queue',
  caseload: 'view_caseload',
  all: 'view_all_complaints',
};

/** Today in London, and the due dates that divide the warning colours on it (from the working days and the reminder window set). */
export async function warningBoundariesToday(deps: ServiceDependencies) {
  const settings = await loadProcessSettings(deps.db);
  const today = londonDateOf(deps.clock.now());
  return { today, boundaries: ragBoundaries(today, settings.calendar, settings.timescales.reminder_window) };
}

/** The queues a person may open, the one they start on first. */
export function availableQueues(actor: StaffActor): QueueKey[] {
  return QUEUE_ORDER_BY_ROLE[actor.role].filter((q) => can(actor, QUEUE_CAPABILITY[q]) && queueScope(q, actor) !== null);
}

export type QueuePage = {
  queue: QueueKey;
  query: QueueQuery;
  rows: QueueRow[];
  counts: QueueCounts;
  pages: number;
  /** Today, in London, which the warnings were worked out for. */
  today: string;
  /** The service areas a person may filter by. */
  serviceAreas: Array<{ id: string; nameEn: string; nameCy: string }>;
  queues: QueueKey[];
};

/**
 * One page of one of the person's queues: filtered and sorted in the database within their scope,
 * each row with its warning colour. Opening a queue is recorded in the audit log.
 */
export async function listQueue(deps: ServiceDependencies, request: CaseworkRequest, queue: QueueKey, query: QueueQuery): Promise<QueuePage> {
  const { actor } = request;
  const scope = can(actor, QUEUE_CAPABILITY[queue]) ? queueScope(queue, actor) : null;
  if (scope === null) throw new Refusal('not_allowed');
  const { today, boundaries } = await warningBoundariesToday(deps);
  const filter = {
    scope,
    states: queueStates(queue, query.state),
    stage: query.stage,
    rag: query.rag,
    serviceAreaId: query.serviceAreaId,
    kind: query.kind,
  };
  const pageOf = (n: number) =>
    listQueuePage(deps.db, { filter, boundaries, sort: query.sort, direction: query.direction, limit: QUEUE_PAGE_SIZE, offset: (n - 1) * QUEUE_PAGE_SIZE });
  // The count, the page asked for and the filter's areas at once; the page is read again only when
  // it was past the end (then the last page is shown rather than an empty one).
  const [counts, asked, areas] = await Promise.all([countQueue(deps.db, { filter, boundaries }), pageOf(query.page), loadServiceAreaChoices(deps.db)]);
  const pages = pageCount(counts.total);
  const page = Math.min(query.page, pages);
  const rows = page === query.page ? asked : await pageOf(page);
  await recordAudit(deps.db, { staffId: actor.id, action: 'queue.viewed', subject: `queue:${queue}`, requestId: request.requestId });
  const serviceAreas = areas
    .filter((a) => scope.kind !== 'business_area' || a.businessAreaId === scope.businessAreaId)
    .filter((a) => scope.kind !== 'service_area' || a.id === scope.serviceAreaId)
    .map((a) => ({ id: a.id, nameEn: a.nameEn, nameCy: a.nameCy }));
  return { queue, query: { ...query, page }, rows, counts, pages, today, serviceAreas, queues: availableQueues(actor) };
}
