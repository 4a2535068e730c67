import { countQueue, listPassToManager, passToManagerSummary, recordAudit, type PassToManagerRow, type PassToManagerSummary, type QueueCounts } from '@complaints/db';
import {
  addDays,
  type DashboardPeriod,
  QUEUE_PAGE_SIZE,
  type QueueKey,
  dashboardScope,
  pageCount,
  queueScope,
  queueStates,
} from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { type CaseworkRequest } from './casework-context';
import { Refusal } from '../refusal';
import { availableQueues, warningBoundariesToday } from './list-queue';

export type Dashboard = {
  today: string;
  /** The electronic warnings of each of the person's queues (open complaints). */
  queues: Array<{ queue: QueueKey; counts: QueueCounts }>;
  period: DashboardPeriod;
  from: string;
  passedToManager: PassToManagerSummary;
  rows: PassToManagerRow[];
  page: number;
  pages: number;
};

/**
 * The warnings across a person's queues, and for the complaints received in a period whether each
 * reached its manager within the working day of receipt.
 */
export async function viewDashboard(
  deps: ServiceDependencies,
  request: CaseworkRequest,
  options: { period: DashboardPeriod; page: number },
): Promise<Dashboard> {
  const { actor } = request;
  const scope = dashboardScope(actor);
  if (scope === null) throw new Refusal('not_allowed');
  const { today, boundaries } = await warningBoundariesToday(deps);
  const queues = await Promise.all(
    availableQueues(actor).map(async (queue) => ({
      queue,
      counts: await countQueue(deps.db, {
        filter: { scope: queueScope(queue, actor)!, states: queueStates(queue, 'open'), stage: null, rag: null, serviceAreaId: null, kind: null },
        boundaries,
      }),
    })),
  );
  const from = addDays(today, -(options.period - 1));
  const passedToManager = await passToManagerSummary(deps.db, { scope, from, to: today, today });
  const pages = pageCount(passedToManager.inTime + passedToManager.late + passedToManager.waiting);
  const page = Math.min(Math.max(1, options.page), pages);
  const rows = await listPassToManager(deps.db, { scope, from, to: today, today, limit: QUEUE_PAGE_SIZE, offset: (page - 1) * QUEUE_PAGE_SIZE });
  await recordAudit(deps.db, { staffId: actor.id, action: 'dashboard.viewed', requestId: request.requestId });
  return { today, queues, period: options.period, from, passedToManager, rows, page, pages };
}
