import { can, canViewComplaint } from '@complaints/auth';
import { listBusinessAreaChoices, listLettersPrintedSince, listLettersWaitingForPost, type PrintQueueLetter, recordAudit } from '@complaints/db';
import { PRINT_BATCH_LIMITS, REPRINT_WINDOW_DAYS, printQueueScope } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { accessScope, type CaseworkRequest, isUuid } from '../casework/casework-context';
import { Refusal } from '../refusal';

/** A business area's part of the print queue; `id` null for complaints not yet placed in an area. */
export type PrintQueueArea = {
  id: string | null;
  nameEn: string | null;
  nameCy: string | null;
  waiting: PrintQueueLetter[];
  printed: PrintQueueLetter[];
};

export type PrintQueuePage = {
  areas: PrintQueueArea[];
  /** The areas a person may narrow the queue to, when they see more than one. */
  areaChoices: Array<{ id: string; nameEn: string; nameCy: string }>;
  /** The area chosen: an id, `none` for letters not yet placed in an area, or null for all. */
  chosenArea: string | null;
  maxBatch: number;
  reprintDays: number;
};

/** More than a day's post for any area: the page lists at most this many of each kind. */
const LISTED = 200;

/** The `?area=` of the page: an area's id, `none`, or anything else meaning every area. */
function chosenArea(raw: string | null): { filter: string | null | undefined; chosen: string | null } {
  if (raw === 'none') return { filter: null, chosen: 'none' };
  if (raw && isUuid(raw)) return { filter: raw, chosen: raw };
  return { filter: undefined, chosen: null };
}

/**
 * The print queue of the person asking: the letters waiting for post in the business areas they
 * print for, area by area, oldest first, and those printed in the last days (to print again).
 * Each row is checked again with the access rules, so the page never holds a letter of a
 * complaint the person may not see. Opening it is recorded in the audit log.
 */
export async function viewPrintQueue(deps: ServiceDependencies, request: CaseworkRequest, query: { area: string | null }): Promise<PrintQueuePage> {
  const { actor } = request;
  const scope = can(actor, 'print_letters') ? printQueueScope(actor) : null;
  if (scope === null) throw new Refusal('not_allowed');
  const { filter, chosen } = chosenArea(query.area);
  const since = new Date(deps.clock.now().getTime() - REPRINT_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const [waiting, printed, choices] = await Promise.all([
    listLettersWaitingForPost(deps.db, { scope, businessAreaId: filter, limit: LISTED }),
    listLettersPrintedSince(deps.db, { scope, businessAreaId: filter, since, limit: LISTED }),
    listBusinessAreaChoices(deps.db),
  ]);
  const visible = (row: PrintQueueLetter) => canViewComplaint(actor, accessScope({ ...row, pastResponderIds: [] }));
  const areas = new Map<string, PrintQueueArea>();
  const areaOf = (row: PrintQueueLetter) => {
    const key = row.businessAreaId ?? 'none';
    let area = areas.get(key);
    if (!area) {
      area = { id: row.businessAreaId, nameEn: row.businessAreaNameEn, nameCy: row.businessAreaNameCy, waiting: [], printed: [] };
      areas.set(key, area);
    }
    return area;
  };
  for (const row of waiting.filter(visible)) areaOf(row).waiting.push(row);
  for (const row of printed.filter(visible)) areaOf(row).printed.push(row);
  await recordAudit(deps.db, { staffId: actor.id, action: 'queue.viewed', subject: 'queue:print', requestId: request.requestId });
  const areaChoices = scope.kind === 'everything' ? choices : [];
  return {
    // Areas by name, those not yet placed in an area last.
    areas: [...areas.values()].sort((a, b) => (a.nameEn === null ? 1 : b.nameEn === null ? -1 : a.nameEn.localeCompare(b.nameEn))),
    areaChoices,
    chosenArea: chosen,
    maxBatch: PRINT_BATCH_LIMITS.max,
    reprintDays: REPRINT_WINDOW_DAYS,
  };
}
